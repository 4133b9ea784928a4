import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { eq, inArray, asc } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { assets } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { canTransition, pssrRequired } from "@/lib/domain/changes";
import { closeChangeSchema, type CloseChangeInput } from "@/lib/schemas/changes";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { closeRefusal } from "./internal/access";
import { closeBlockers } from "./internal/preconditions";
import { findVisibleChange, loadContext, type ChangeContext } from "./internal/load";
import { writeTransition } from "./internal/write-transition";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

/** Writes each new firmware / software version to its asset, as an audited asset edit. */
async function updateBaselines(
  tx: Tx,
  actor: Actor,
  ctx: ChangeContext,
  updates: { assetId: string; version: string }[],
  now: Date,
) {
  if (updates.length === 0) return [];
  const mine = new Set(ctx.assets.map((a) => a.id));
  const errors = updates.flatMap((u, i) =>
    mine.has(u.assetId)
      ? []
      : [{ path: `baselineUpdates.${i}.assetId`, message: "Not an asset of this change." }],
  );
  if (errors.length) throw invalid("Baseline updates may only name assets of this change.", errors);
  const rows = await tx
    .select({
      id: assets.id,
      siteId: assets.siteId,
      tag: assets.tag,
      version: assets.version,
      rowVersion: assets.rowVersion,
    })
    .from(assets)
    .where(
      inArray(
        assets.id,
        updates.map((u) => u.assetId),
      ),
    )
    .orderBy(asc(assets.id))
    .for("update");
  const changed = [];
  for (const u of updates) {
    const a = rows.find((r) => r.id === u.assetId)!;
    if (a.version === u.version) continue;
    await tx
      .update(assets)
      .set({ version: u.version, rowVersion: a.rowVersion + 1, updatedAt: now })
      .where(eq(assets.id, a.id));
    await appendAudit(tx, actor, {
      action: "asset.update",
      objectType: "asset",
      objectId: a.id,
      siteId: a.siteId,
      before: { version: a.version, rowVersion: a.rowVersion },
      after: { version: u.version, rowVersion: a.rowVersion + 1 },
      reason: `Baseline updated on closing ${ctx.row.number}`,
    });
    changed.push({ assetId: a.id, tag: a.tag, from: a.version, to: u.version });
  }
  return changed;
}

/**
 * Closes an implemented change after the post-implementation review: security controls
 * verified, baseline updated (new versions written to the assets in the same transaction),
 * the PSSR signed where safety signed before the start, and no emergency sign-off still owed.
 */
export async function closeChange(actor: Actor, id: string, input: CloseChangeInput): Promise<ChangeView> {
  const data = parseInput(closeChangeSchema, input, "The review");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await findVisibleChange(tx, actor, id, { forUpdate: true });
    const who = closeRefusal(actor, locked);
    if (who) throw forbidden(who);
    const ctx = await loadContext(tx, locked);
    const t = canTransition(locked.state, "close", { pssrRequired: pssrRequired(ctx.facts) });
    if (!t.ok) throw conflict(t.reason);
    const blockers = closeBlockers(ctx);
    if (blockers.length) throw conflict(`The change cannot be closed yet: ${blockers.join("; ")}.`);
    const now = currentTime();
    const baselines = await updateBaselines(tx, actor, ctx, data.baselineUpdates, now);
    const row = await writeTransition(tx, actor, locked, t.to, "change.close", {
      now,
      set: {
        closedAt: now,
        pirSecurityVerified: true,
        pirBaselineUpdated: true,
        pirNotes: data.notes || null,
      },
      reason: data.notes || null,
      details: { securityControlsVerified: true, baselineUpdated: true, baselineUpdates: baselines },
    });
    return buildChangeView(tx, actor, await loadContext(tx, row), now);
  });
}
