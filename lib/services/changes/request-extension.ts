import "server-only";
import { getDb } from "@/db/client";
import { temporaryExtensions } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { contentHash, isoUtc } from "@/lib/domain/changes";
import {
  effectiveExpiry,
  extensionHash,
  extensionRefusal,
  extensionRequirements,
  requirementKey,
} from "@/lib/domain/changes/temporary-extension";
import { extendTemporarySchema, type ExtendTemporaryInput } from "@/lib/schemas/changes";
import { requireScope } from "@/lib/services/authorize";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import { extendRefusal, latestExtension } from "./internal/extensions";
import { manageRefusal } from "./internal/access";
import { findVisibleChange, loadContext } from "./internal/load";
import { loadTemporaryLinks } from "./internal/temporary";

/**
 * Asks for a later expiry of a temporary change in place (its revert not closed). The extension
 * needs the sign-offs that approved the change, bound to its content (the change as approved and
 * the old and new expiry); until they are given the change keeps its expiry and its assets stay in
 * the temporary state. Checked under the change's row lock; audited in the same transaction.
 */
export async function requestExtension(
  actor: Actor,
  id: string,
  input: ExtendTemporaryInput,
): Promise<ChangeView> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a person can ask for an extension.");
  requireScope(actor, "write");
  const data = parseInput(extendTemporarySchema, input, "The extension");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findVisibleChange(tx, actor, id, { forUpdate: true });
    const ctx = await loadContext(tx, row);
    const links = await loadTemporaryLinks(tx, row);
    const pending = (await latestExtension(tx, row.id))?.row.state === "pending";
    const refusal = extendRefusal(actor, row, links.inPlace, pending);
    if (refusal) throw manageRefusal(actor, row.siteIds) ? forbidden(refusal) : conflict(refusal);
    const now = currentTime();
    const zone = ctx.assets[0]?.timeZone ?? "UTC";
    const current = effectiveExpiry(row)!;
    const why = extensionRefusal(data.until, current, now, zone);
    if (why) throw invalid(`${why} Nothing was saved.`, [{ path: "until", message: why }]);
    const required = extensionRequirements(ctx.counted, row.approvalRound);
    if (required.length === 0)
      throw conflict("This change has no current approvals to ask again, so its expiry cannot be extended.");
    const hash = extensionHash({
      changeId: row.id,
      number: row.number,
      changeContentHash: contentHash(ctx.content),
      fromUntil: current,
      toUntil: data.until,
      reason: data.reason,
    });
    const [ext] = await tx
      .insert(temporaryExtensions)
      .values({
        changeId: row.id,
        round: row.approvalRound,
        fromUntil: current,
        toUntil: data.until,
        reason: data.reason,
        required: required.map(requirementKey),
        contentHash: hash,
        requestedBy: actor.userId!,
        requestedByName: actor.name,
        requestedAt: now,
      })
      .returning();
    const codeOf = (siteId: string | null) =>
      siteId ? (ctx.assets.find((a) => a.siteId === siteId)?.siteCode ?? null) : null;
    await appendAudit(tx, actor, {
      action: "change.extension_request",
      objectType: "change",
      objectId: row.id,
      siteId: row.siteIds[0] ?? null,
      after: {
        number: row.number,
        extensionId: ext!.id,
        fromUntil: isoUtc(current),
        toUntil: isoUtc(data.until),
        required: required.map((r) => ({ role: r.role, siteCode: codeOf(r.siteId) })),
        contentHash: hash,
      },
      reason: data.reason,
    });
    return buildChangeView(tx, actor, ctx, now);
  });
}
