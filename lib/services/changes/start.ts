import "server-only";
import { currentTime } from "@/lib/clock";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/base/errors";
import { auditGateDecision, decideGate, gateResult } from "./internal/decide-gate";
import { CONTENT_HASH_VERSION, contentHash, scopeHash } from "@/lib/domain/changes";
import { findVisibleChange, loadContext } from "./internal/load";
import { writeTransition } from "./internal/write-transition";
import { enqueueChangeEvent } from "@/lib/services/notifications/enqueue-change-event";
import type { ChangeView, ClientInfo, GateResult } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

/**
 * approved → in_progress through the deployment gate. The change row is locked (SELECT … FOR
 * UPDATE) and so are its assets and every member of their redundancy groups, in id order:
 * concurrent starts of one change queue on the change row and all but the first find it in
 * progress, two changes sharing an asset cannot both pass the "asset busy" check, and two
 * changes on the members of one pair cannot both pass the "redundancy lost" check. The decision is audited either way; a refusal
 * commits its audit event and is thrown only after the commit, as a 409 with the reasons.
 */
export async function startChange(actor: Actor, id: string, client: ClientInfo = {}): Promise<ChangeView> {
  const db = await getDb();
  const outcome = await db.transaction(
    async (tx): Promise<{ view: ChangeView } | { refused: GateResult }> => {
      const locked = await findVisibleChange(tx, actor, id, { forUpdate: true });
      const ctx = await loadContext(tx, locked);
      const assetIds = ctx.assets.map((a) => a.id);
      // Every member of the assets' redundancy groups too: two starts on the two members of a
      // pair then queue on the same rows, and the second sees the first in progress.
      const groups = ctx.assets.flatMap((a) =>
        a.redundancyGroup
          ? [and(eq(assets.siteId, a.siteId), eq(assets.redundancyGroup, a.redundancyGroup))!]
          : [],
      );
      if (assetIds.length)
        await tx
          .select({ id: assets.id })
          .from(assets)
          .where(or(inArray(assets.id, assetIds), ...groups))
          .orderBy(asc(assets.id))
          .for("update");
      const now = currentTime();
      const decision = await decideGate(tx, actor, ctx, now);
      await auditGateDecision(tx, actor, ctx, decision, { at: now, client });
      if (!decision.allowed) {
        const refused = gateResult(decision);
        await enqueueChangeEvent(tx, "gate.refused", locked, {
          actorId: actor.userId,
          now,
          details: { reasons: refused.reasons.map((r) => ({ code: r.code, message: r.message })) },
        });
        return { refused };
      }
      const row = await writeTransition(tx, actor, locked, "in_progress", "change.start", {
        now,
        set: { actualStart: now },
        reason: "Deployment gate allowed the start",
        // What the start relied on, so the trail alone can later be checked against the
        // signatures it holds (the compliance dashboard replays it).
        details: {
          round: locked.approvalRound,
          contentHash: contentHash(ctx.content),
          scopeHash: scopeHash(ctx.content),
          hashVersion: CONTENT_HASH_VERSION,
          siteIds: locked.siteIds,
          required: ctx.required.map((r) => ({ role: r.role, siteCode: r.siteCode })),
        },
      });
      return { view: await buildChangeView(tx, actor, await loadContext(tx, row), now) };
    },
  );
  if ("refused" in outcome) {
    throw new ServiceError(
      "gate_refused",
      `The deployment gate refused the start: ${outcome.refused.reasons.map((r) => r.message).join("; ")}`,
      {
        reasons: outcome.refused.reasons,
        evaluatedAt: outcome.refused.evaluatedAt,
      },
    );
  }
  return outcome.view;
}
