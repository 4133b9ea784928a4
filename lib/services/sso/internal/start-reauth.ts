import "server-only";
import { eq } from "drizzle-orm";
import type { getDb } from "@/db/client";
import { reauthRequests, userIdentities } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { newReauthChecks, reauthUrl } from "@/lib/auth/oidc/client";
import { sha256 } from "@/lib/auth/secrets";
import { requireScope } from "@/lib/services/authorize";
import { forbidden } from "@/lib/services/base/errors";
import type { ReauthResume } from "@/lib/types/sso";

/** Only a person in a single sign-on browser session signs through the identity provider. */
export function requireSsoSigner(actor: Actor): asserts actor is Actor & { userId: string } {
  if (actor.kind !== "user" || !actor.userId || actor.via !== "session" || actor.authMethod !== "oidc")
    throw forbidden("Only a person signed in with single sign-on signs through the identity provider.");
  requireScope(actor, "sign");
}

/**
 * What the signer entered, kept server-side under the OAuth state, for what they sign (a change or
 * a catalog model); the answer is the provider's login page (prompt=login, max_age=0).
 */
export async function startReauth(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor & { userId: string },
  target: { changeId: string } | { modelId: string },
  input: ReauthResume["input"],
): Promise<{ url: string }> {
  const [identity] = await db
    .select({ subject: userIdentities.subject })
    .from(userIdentities)
    .where(eq(userIdentities.userId, actor.userId))
    .limit(1);
  if (!identity) throw forbidden("Your account has no single sign-on identity; sign in again.");
  const checks = newReauthChecks();
  const url = await reauthUrl(checks, actor.email);
  await db.insert(reauthRequests).values({
    id: sha256(checks.state),
    userId: actor.userId,
    ...target,
    input,
    nonce: checks.nonce,
    codeVerifier: checks.codeVerifier,
  });
  return { url };
}
