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
import { signChange } from "@/lib/services/changes/sign";
import type { ClientInfo } from "@/lib/types/changes";

/** A re-authentication must come back within this time, and is used once. */
const REQUEST_TTL_MS = 10 * 60_000;

export type SsoSignatureOutcome =
  | { changeId: string; requestId: string; signed: true }
  | { changeId: string | null; requestId: string | null; signed: false; message: string };

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
    return { changeId: null, requestId: null, signed: false, message: "This sign-in answer is not for you." };
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
      changeId: null,
      requestId: null,
      signed: false,
      message: "This signature request has expired or was already used. Nothing was signed; sign again.",
    };

  const refuse = async (message: string, reason: string) => {
    await db.transaction(async (tx) => {
      await tx.update(reauthRequests).set({ outcome: message }).where(eq(reauthRequests.id, request.id));
      await appendAudit(tx, actor, {
        action: "signoff.reauth_refused",
        objectType: "change",
        objectId: request.changeId,
        reason,
      });
    });
    return { changeId: request.changeId, requestId: request.id, signed: false as const, message };
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
    await signChange(
      actor,
      request.changeId,
      request.input,
      client,
      new ReauthProof(identity.user, verdict.authTime),
    );
  } catch (e) {
    const message = isServiceError(e)
      ? e.message
      : "The signature could not be recorded; nothing was signed.";
    await db.update(reauthRequests).set({ outcome: message }).where(eq(reauthRequests.id, request.id));
    return { changeId: request.changeId, requestId: request.id, signed: false, message };
  }
  await db.update(reauthRequests).set({ outcome: "signed" }).where(eq(reauthRequests.id, request.id));
  return { changeId: request.changeId, requestId: request.id, signed: true };
}
