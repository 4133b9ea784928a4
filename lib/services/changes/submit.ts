import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canTransition } from "@/lib/domain/changes";
import { conflict, invalid } from "@/lib/services/base/errors";
import { requireManage } from "./internal/access";
import { settleApproval } from "./internal/settle-approval";
import { submitIssues } from "./internal/preconditions";
import { findVisibleChange, loadContext } from "./internal/load";
import { recheckImplementer } from "./internal/resolve-input";
import { loadScheduleConflicts } from "./internal/schedule-seam";
import { writeTransition } from "./internal/write-transition";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import { requireWithinModel } from "./internal/standard-model";

/**
 * draft → submitted. Refused with field errors while anything mandatory is missing or the
 * class does not fit (a "standard" change that is safety-relevant or not low-risk), and with
 * `reasons` when the planned slot conflicts with the schedule. The stored risk is refreshed,
 * since asset criticality may have changed while the draft waited.
 */
export async function submitChange(actor: Actor, id: string): Promise<ChangeView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await findVisibleChange(tx, actor, id, { forUpdate: true });
    requireManage(actor, locked.siteIds);
    const t = canTransition(locked.state, "submit");
    if (!t.ok) throw conflict(t.reason);
    const now = currentTime();
    let ctx = await loadContext(tx, locked);
    if (ctx.risk.level !== locked.risk) {
      const [row] = await tx
        .update(changes)
        .set({ risk: ctx.risk.level })
        .where(eq(changes.id, locked.id))
        .returning();
      ctx = { ...ctx, row: row! };
    }
    const issues = submitIssues(ctx, now);
    if (issues.length)
      throw invalid(`The change is not ready to submit: ${issues.map((i) => i.message).join("; ")}.`, issues);
    await requireWithinModel(tx, ctx);
    // The implementer's roles may have been revoked since the draft named them.
    await recheckImplementer(tx, ctx.row.implementerId, ctx.assets);
    const found = await loadScheduleConflicts(
      tx,
      ctx.row,
      ctx.assets.map((a) => a.id),
    );
    if (found.length) {
      throw conflict(
        `The planned slot conflicts with the schedule: ${found.map((c) => c.message).join("; ")}`,
        {
          reasons: found.map((c) => ({ code: c.code, message: c.message })),
        },
      );
    }
    const row = await writeTransition(tx, actor, ctx.row, t.to, "change.submit", {
      now,
      set: { submittedAt: now, approvedAt: null },
      details: {
        round: ctx.row.approvalRound,
        risk: ctx.risk.level,
        required: ctx.required.map((r) => ({ role: r.role, siteCode: r.siteCode })),
      },
    });
    const settled = await settleApproval(tx, actor, await loadContext(tx, row), now);
    return buildChangeView(tx, actor, await loadContext(tx, settled), now);
  });
}
