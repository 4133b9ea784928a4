import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { changes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { revertDraft, temporaryInPlace } from "@/lib/domain/changes/temporary";
import { effectiveExpiry } from "@/lib/domain/changes/temporary-extension";
import { extendRefusal, extensionView, latestExtension } from "./extensions";
import type { TemporaryLinksView } from "@/lib/types/changes";
import { nextChangeNumber } from "./change-number";
import { insertChange } from "./insert-change";
import type { ChangeContext, ChangeRow } from "./load";

/** The revert of a temporary change and the temporary change a revert undoes, for the change view. */
export async function loadTemporaryLinks(
  tx: Executor,
  row: ChangeRow,
  viewer?: { actor: Actor; ctx: ChangeContext },
): Promise<TemporaryLinksView> {
  const pick = { id: changes.id, number: changes.number, state: changes.state };
  const [revert] = row.temporaryUntil
    ? await tx
        .select(pick)
        .from(changes)
        .where(eq(changes.revertsChangeId, row.id))
        .orderBy(desc(changes.createdAt))
        .limit(1)
    : [];
  const [reverts] = row.revertsChangeId
    ? await tx
        .select({ ...pick, temporaryUntil: changes.temporaryUntil, extendedUntil: changes.extendedUntil })
        .from(changes)
        .where(eq(changes.id, row.revertsChangeId))
    : [];
  const inPlace = Boolean(row.temporaryUntil) && temporaryInPlace(row) && revert?.state !== "closed";
  const ext = viewer && row.temporaryUntil ? await latestExtension(tx, row.id) : null;
  return {
    revert: revert ?? null,
    reverts: reverts
      ? {
          id: reverts.id,
          number: reverts.number,
          state: reverts.state,
          dueBy: reverts.temporaryUntil ? isoUtc(effectiveExpiry(reverts)!) : null,
        }
      : null,
    inPlace,
    expiresAt: row.temporaryUntil ? isoUtc(effectiveExpiry(row)!) : null,
    extension: ext && viewer ? extensionView(viewer.actor, viewer.ctx, ext) : null,
    extendRefusal: viewer
      ? extendRefusal(viewer.actor, row, inPlace, ext?.row.state === "pending")
      : "Open the change to extend it.",
  };
}

/**
 * On completion of a temporary change: the draft that undoes it, due by the expiry, on the same
 * assets, requested by the original's requester and implemented by its implementer, so the people
 * who opened the temporary state are the ones asked to close it. Written once per temporary change.
 */
export async function draftRevert(tx: Tx, actor: Actor, ctx: ChangeContext, now: Date): Promise<void> {
  const o = ctx.row;
  if (!o.temporaryUntil || !temporaryInPlace(o)) return;
  const [existing] = await tx
    .select({ id: changes.id })
    .from(changes)
    .where(
      and(eq(changes.revertsChangeId, o.id), inArray(changes.state, ["draft", "submitted", "approved"])),
    );
  if (existing) return;
  const zone = ctx.assets[0]?.timeZone ?? "UTC";
  const words = revertDraft({ ...o, temporaryUntil: effectiveExpiry(o)! }, zone);
  const number = await nextChangeNumber(tx, now);
  const values: typeof changes.$inferInsert = {
    number,
    type: o.type,
    class: "normal",
    ...words,
    references: o.references,
    testedOnTestBench: o.testedOnTestBench,
    vendorQualified: o.vendorQualified,
    expectedDowntimeMinutes: o.expectedDowntimeMinutes,
    productionImpact: o.productionImpact,
    safetyImpact: o.safetyImpact,
    safetyBypassRequired: o.safetyBypassRequired,
    implementerId: o.implementerId,
    requesterId: o.requesterId,
    revertsChangeId: o.id,
    risk: o.risk,
    siteIds: o.siteIds,
    approvalRound: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  const email = o.implementerId
    ? ((await tx.select({ email: users.email }).from(users).where(eq(users.id, o.implementerId)))[0]?.email ??
      null)
    : null;
  await insertChange(tx, actor, values, ctx.assets, email, {
    revertsChangeId: o.id,
    reason: `Revert of the temporary change ${o.number}, drafted on its completion; due by ${isoUtc(o.temporaryUntil)}`,
  });
}
