import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb, type Tx } from "@/db/client";
import { signoffs, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { onBehalfMeaning } from "@/lib/domain/delegation/signing";
import { CONTENT_HASH_VERSION, contentHash, isoUtc, scopeHash, signoffMeaning } from "@/lib/domain/changes";
import { acknowledgedMeaning } from "@/lib/domain/changes/supply-chain";
import {
  signoffInputSchema,
  signoffIntentSchema,
  type SignoffInput,
  type SignoffIntent,
} from "@/lib/schemas/changes";
import { ownSigner, passwordSigner, requireSigningPerson } from "@/lib/services/auth/password-signer";
import { ServiceError, conflict } from "@/lib/services/base/errors";
import { activeDelegationsTo } from "@/lib/auth/delegated-grants";
import { settleApproval } from "./internal/settle-approval";
import { findVisibleChange, loadContext } from "./internal/load";
import { acknowledgements, checkBeforeProof, eligibility } from "./internal/signoff-checks";
import { requireShownContent } from "./internal/stale-content";
import { refreshSignoffSlots } from "./internal/signoff-slots";
import type { ClientInfo, ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import type { ReauthProof } from "./internal/reauth-proof";

/**
 * An account made by single sign-on has no Interlock password, so a password signature (an API
 * token, or any caller not signed in through the provider) can never succeed: say how it signs
 * instead of answering "wrong password" and spending a lockout attempt.
 */
async function requireOwnPassword(db: Awaited<ReturnType<typeof getDb>>, actor: Actor) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId!))
    .limit(1);
  if (row && !row.passwordHash)
    throw new ServiceError(
      "forbidden",
      "Your account signs in through single sign-on and has no Interlock password, so it cannot sign with a password or an API token. Open the change in Interlock and sign there: the sign dialog asks your identity provider to confirm it is you.",
      { refusal: "sso_account" },
    );
}

/**
 * An electronic signature (approve or reject, or the PSSR with role "pssr"). Separation of
 * duties is checked first, so a signer who may not sign is told so without spending a
 * password attempt, and so is a signer who was shown content that has been edited since (409
 * stale content); then the password is re-entered through the same check as sign-in (a wrong
 * one counts toward the account's lockout); then, under the change's row lock, the rules and
 * the shown hash are checked again and the signature is written with the printed name,
 * meaning, UTC time and the hashes of the content it approves. A security approval of a patch or
 * firmware the vendor has not qualified must acknowledge that (checked before the password and
 * again under the lock); the acknowledgement is stored with the signature, in its meaning and in
 * the trail. A submitted change then approves or rejects itself when the sign-offs say so.
 */
export async function signChange(
  actor: Actor,
  id: string,
  input: SignoffInput | SignoffIntent,
  client: ClientInfo = {},
  reauth: ReauthProof | null = null,
  /** More writes in the signature's transaction, e.g. the board meeting's decision that it records. */
  within?: (tx: Tx, signoffId: string) => Promise<void>,
): Promise<ChangeView> {
  requireSigningPerson(actor, { reauth: reauth !== null });
  const db = await getDb();
  if (!reauth) await requireOwnPassword(db, actor);
  const data = parseInput(reauth ? signoffIntentSchema : signoffInputSchema, input, "The sign-off");

  await checkBeforeProof(db, actor, id, data);

  const signer = reauth
    ? ownSigner(reauth.signer, actor)
    : await passwordSigner(db, actor, "password" in data ? String(data.password) : "", client);

  return db.transaction(async (tx: Tx) => {
    const row = await findVisibleChange(tx, actor, id, { forUpdate: true });
    const ctx = await loadContext(tx, row);
    const { siteId, onBehalfOf } = eligibility(actor, ctx, data.role, data.siteCode);
    await requireShownContent(tx, ctx, data.contentHash);
    const acknowledged = acknowledgements(ctx, data.role, data.decision, data.acknowledged);
    const now = currentTime();
    if (onBehalfOf && !(await activeDelegationsTo(tx, signer.id, now)).some((d) => d.id === onBehalfOf.id))
      throw conflict(
        `The delegation from ${onBehalfOf.delegatorName} has ended or was revoked; nothing was signed.`,
      );
    const siteName =
      data.role === "operations" ? (ctx.assets.find((a) => a.siteId === siteId)?.siteName ?? null) : null;
    const retrospective = row.class === "emergency" && data.role !== "pssr" && row.state !== "submitted";
    const hash = contentHash(ctx.content);
    const scope = scopeHash(ctx.content);
    const [signoff] = await tx
      .insert(signoffs)
      .values({
        changeId: row.id,
        round: row.approvalRound,
        role: data.role,
        siteId,
        decision: data.decision,
        signerId: signer.id,
        signerName: signer.name,
        signerEmail: signer.email,
        meaning: onBehalfMeaning(
          acknowledgedMeaning(signoffMeaning(data.role, data.decision, siteName), acknowledged),
          onBehalfOf?.delegatorName ?? null,
        ),
        onBehalfOfId: onBehalfOf?.delegatorId ?? null,
        onBehalfOfName: onBehalfOf?.delegatorName ?? null,
        delegationId: onBehalfOf?.id ?? null,
        acknowledged,
        signedAt: now,
        comment: data.comment,
        contentHash: hash,
        scopeHash: scope,
        hashVersion: CONTENT_HASH_VERSION,
        retrospective,
        method: reauth ? "oidc-reauth" : "password",
      })
      .returning();
    await refreshSignoffSlots(tx, row.id);
    await appendAudit(tx, actor, {
      action: "signoff.sign",
      objectType: "change",
      objectId: row.id,
      siteId,
      after: {
        signoffId: signoff!.id,
        number: row.number,
        round: signoff!.round,
        role: signoff!.role,
        siteId,
        decision: signoff!.decision,
        signerName: signoff!.signerName,
        signerEmail: signoff!.signerEmail,
        meaning: signoff!.meaning,
        signedAt: isoUtc(now),
        method: signoff!.method,
        ...(onBehalfOf
          ? {
              onBehalfOf: {
                userId: onBehalfOf.delegatorId,
                name: onBehalfOf.delegatorName,
                delegationId: onBehalfOf.id,
              },
            }
          : {}),
        contentHash: hash,
        scopeHash: scope,
        hashVersion: CONTENT_HASH_VERSION,
        retrospective,
        acknowledged,
        via: actor.via,
      },
      reason: data.comment || null,
    });
    if (within) await within(tx, signoff!.id);
    const settled = await settleApproval(tx, actor, await loadContext(tx, row), now);
    return buildChangeView(tx, actor, await loadContext(tx, settled), now);
  });
}
