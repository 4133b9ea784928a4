import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reauthRequests, userIdentities, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { exchangeReauthCode } from "@/lib/auth/oidc/client";
import { sha256 } from "@/lib/auth/secrets";
import { reauthVerdict } from "@/lib/domain/sso/reauth";
import { isServiceError } from "@/lib/services/base/errors";
import { ReauthProof } from "@/lib/services/changes/internal/reauth-proof";
import { signModel } from "@/lib/services/catalog/sign-model";
import { signChange } from "@/lib/services/changes/sign";
import type { ClientInfo } from "@/lib/types/changes";

/** A re-authentication must come back within this time, and is used once. */
const REQUEST_TTL_MS = 10 * 60_000;

/** What was signed (a change, or a catalog model for its change board), and how it went. */
export type SsoSignatureOutcome =
  | { changeId: string | null; modelId: string | null; requestId: string; signed: true }
  | {
      changeId: string | null;
      modelId: string | null;
      requestId: string | null;
      signed: false;
      message: string;
    };

const nothing = { changeId: null, modelId: null, requestId: null, signed: false as const };

/**
 * The second half: the provider sent the signer back. The request is claimed once; the code is
 * exchanged for a validated ID token (state, nonce, PKCE); its sub must be the signer's and its
 * auth_time at most two minutes old (21 CFR 11.200: both components, just now). Then the
 * signature is recorded as any other, with the method `oidc-reauth`. A refusal is audited and
 * kept on the request, so the change page can show it with what the signer had entered.
 */
export async function completeSsoSignature(
  actor: Actor,
  params: Record<string, string>,
  client: ClientInfo = {},
  now: () => Date = currentTime,
): Promise<SsoSignatureOutcome> {
  const db = await getDb();
  const requestId = params.state ? sha256(params.state) : null;
  if (!requestId || actor.kind !== "user" || !actor.userId)
    return { ...nothing, message: "This sign-in answer is not for you." };
  const [request] = await db
    .update(reauthRequests)
    .set({ usedAt: currentTime() })
    .where(
      and(
        eq(reauthRequests.id, requestId),
        eq(reauthRequests.userId, actor.userId),
        isNull(reauthRequests.usedAt),
        gt(reauthRequests.createdAt, new Date(Date.now() - REQUEST_TTL_MS)),
      ),
    )
    .returning();
  if (!request)
    return {
      ...nothing,
      message: "This signature request has expired or was already used. Nothing was signed; sign again.",
    };
  const target = { changeId: request.changeId, modelId: request.modelId, requestId: request.id };

  const refuse = async (message: string, reason: string) => {
    await db.transaction(async (tx) => {
      await tx.update(reauthRequests).set({ outcome: message }).where(eq(reauthRequests.id, request.id));
      await appendAudit(
        tx,
        actor,
        request.modelId
          ? {
              action: "standard_model.reauth_refused",
              objectType: "standard_model",
              objectId: request.modelId,
              reason,
            }
          : { action: "signoff.reauth_refused", objectType: "change", objectId: request.changeId!, reason },
      );
    });
    return { ...target, signed: false as const, message };
  };

  if (params.error)
    return refuse(
      "The identity provider did not confirm your sign-in, so nothing was signed.",
      `Identity provider answered ${params.error.slice(0, 100)}`,
    );
  let claims: Awaited<ReturnType<typeof exchangeReauthCode>>;
  try {
    claims = await exchangeReauthCode(params, {
      state: params.state!,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
    });
  } catch (e) {
    return refuse(
      "The identity provider's answer could not be verified, so nothing was signed. Try again.",
      `ID token not accepted: ${e instanceof Error ? e.message.slice(0, 200) : "unknown error"}`,
    );
  }
  const [identity] = await db
    .select({ user: users, subject: userIdentities.subject })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.userId, actor.userId), eq(userIdentities.issuer, claims.iss)))
    .limit(1);
  const verdict = reauthVerdict(claims, identity?.subject ?? "", now());
  if (!identity || !verdict.ok)
    return refuse(
      verdict.ok ? "Your account has no identity at this provider." : verdict.reason,
      verdict.ok
        ? `no identity at ${claims.iss}`
        : `re-authentication ${verdict.code}: sub ${claims.sub}, auth_time ${String(claims.auth_time)}`,
    );
  try {
    const proof = new ReauthProof(identity.user, verdict.authTime);
    if (request.modelId) await signModel(actor, request.modelId, request.input, client, proof);
    else await signChange(actor, request.changeId!, request.input, client, proof);
  } catch (e) {
    const message = isServiceError(e)
      ? e.message
      : "The signature could not be recorded; nothing was signed.";
    await db.update(reauthRequests).set({ outcome: message }).where(eq(reauthRequests.id, request.id));
    return { ...target, signed: false, message };
  }
  await db.update(reauthRequests).set({ outcome: "signed" }).where(eq(reauthRequests.id, request.id));
  return { ...target, signed: true };
}
