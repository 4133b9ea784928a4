import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { changes, signoffs, temporaryExtensions } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { CONTENT_HASH_VERSION, isoUtc, signoffMeaning } from "@/lib/domain/changes";
import { canSignExtension, extensionOutcome } from "@/lib/domain/changes/temporary-extension";
import { formatInZone } from "@/lib/domain/site-time";
import { extensionSignoffSchema, type ExtensionSignoffInput } from "@/lib/schemas/changes";
import { passwordSigner, requireSigningPerson } from "@/lib/services/auth/password-signer";
import { ServiceError, conflict, forbidden, invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ChangeView, ClientInfo } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import { holdsApprovingRole, latestExtension, ownGrants, type LoadedExtension } from "./internal/extensions";
import { findVisibleChange, loadContext, type ChangeContext } from "./internal/load";
import { siteIdFor } from "./internal/signoff-checks";

type Data = ReturnType<typeof extensionSignoffSchema.parse>;

/** Who may sign what on the pending extension: refused before the password is spent, and again under the lock. */
function signable(actor: Actor, ctx: ChangeContext, ext: LoadedExtension | null, data: Data) {
  if (!holdsApprovingRole(actor, ctx.row))
    throw forbidden(
      "You hold no approving role at this change's sites; its extension is signed by the approvers who signed the change.",
    );
  if (!ext || ext.row.state !== "pending") throw conflict("This change has no extension awaiting sign-offs.");
  const verdict = canSignExtension(
    ext.facts,
    ctx.facts,
    { userId: actor.userId!, grants: ownGrants(actor) },
    data.role,
    siteIdFor(ctx, data.siteCode),
  );
  if (!verdict.ok)
    throw verdict.code === "not_required"
      ? invalid(`${verdict.reason}.`, [{ path: "role", message: `${verdict.reason}.` }])
      : verdict.code === "state"
        ? conflict(`${verdict.reason}.`)
        : new ServiceError("forbidden", `${verdict.reason}.`, { refusal: verdict.code });
  if (ext.row.contentHash !== data.contentHash)
    throw conflict(
      "The extension you were shown is not the one awaiting sign-offs. Reload the change and read it again before signing.",
      { refusal: "stale_content" },
    );
  return { ext, siteId: verdict.siteId };
}

/**
 * An electronic signature on a temporary change's pending extension: the password re-entered
 * through the sign-in check, a row in the one signoffs table naming the extension and bound to its
 * content hash. A rejection decides it; the last approval it needs applies the new expiry, which
 * the asset, the dashboard, the reminders and the revert's due time then follow.
 */
export async function signExtension(
  actor: Actor,
  id: string,
  input: ExtensionSignoffInput,
  client: ClientInfo = {},
): Promise<ChangeView> {
  requireSigningPerson(actor, {
    reauth: false,
    ssoRefusal:
      "You signed in with single sign-on: signing an extension needs a password sign-in for now. Ask an administrator for a local password, or another approver of the same role to sign.",
  });
  const data = parseInput(extensionSignoffSchema, input, "The sign-off");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ctx = await loadContext(tx, await findVisibleChange(tx, actor, id));
    signable(actor, ctx, await latestExtension(tx, ctx.row.id), data);
  });
  const signer = await passwordSigner(db, actor, data.password, client);

  return db.transaction(async (tx: Tx) => {
    const row = await findVisibleChange(tx, actor, id, { forUpdate: true });
    const ctx = await loadContext(tx, row);
    const { ext, siteId } = signable(actor, ctx, await latestExtension(tx, row.id), data);
    const now = currentTime();
    const zone = ctx.assets[0]?.timeZone ?? "UTC";
    const siteName =
      data.role === "operations" ? (ctx.assets.find((a) => a.siteId === siteId)?.siteName ?? null) : null;
    const meaning = `${signoffMeaning(data.role, data.decision, siteName)}: extension of the temporary change ${row.number} to ${formatInZone(ext.row.toUntil, zone)}`;
    const [signoff] = await tx
      .insert(signoffs)
      .values({
        extensionId: ext.row.id,
        round: ext.row.round,
        role: data.role,
        siteId,
        decision: data.decision,
        signerId: signer.id,
        signerName: signer.name,
        signerEmail: signer.email,
        meaning,
        signedAt: now,
        comment: data.comment,
        contentHash: ext.row.contentHash,
        hashVersion: CONTENT_HASH_VERSION,
        method: "password",
      })
      .returning();
    const state = extensionOutcome({
      required: ext.facts.required,
      signoffs: [
        ...ext.facts.signoffs,
        { role: data.role, siteId, signerId: signer.id, decision: data.decision },
      ],
    });
    if (state !== "pending")
      await tx
        .update(temporaryExtensions)
        .set({ state, decidedAt: now })
        .where(eq(temporaryExtensions.id, ext.row.id));
    if (state === "approved")
      await tx
        .update(changes)
        .set({ extendedUntil: ext.row.toUntil, updatedAt: now, updatedBy: actor.userId })
        .where(eq(changes.id, row.id));
    await appendAudit(tx, actor, {
      action: "change.extension_sign",
      objectType: "change",
      objectId: row.id,
      siteId: siteId ?? row.siteIds[0] ?? null,
      after: {
        number: row.number,
        extensionId: ext.row.id,
        signoffId: signoff!.id,
        role: data.role,
        decision: data.decision,
        signerName: signer.name,
        signerEmail: signer.email,
        meaning,
        signedAt: isoUtc(now),
        contentHash: ext.row.contentHash,
        state,
        fromUntil: isoUtc(ext.row.fromUntil),
        toUntil: isoUtc(ext.row.toUntil),
      },
      reason: data.comment || null,
    });
    const [after] = await tx.select().from(changes).where(eq(changes.id, row.id));
    if (!after) throw notFound("Change");
    return buildChangeView(tx, actor, await loadContext(tx, after), now);
  });
}
