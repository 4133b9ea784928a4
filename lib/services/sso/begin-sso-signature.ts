import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reauthRequests, userIdentities } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { newReauthChecks, reauthUrl } from "@/lib/auth/oidc/client";
import { sha256 } from "@/lib/auth/secrets";
import { signoffIntentSchema, type SignoffIntent } from "@/lib/schemas/changes";
import { requireScope } from "@/lib/services/authorize";
import { forbidden } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { checkBeforeProof } from "@/lib/services/changes/sign";

/**
 * The first half of an SSO signer's electronic signature: what they entered is checked as far as
 * it can be without proof of identity and kept server-side under the OAuth state; the answer is
 * the provider's login page (prompt=login, max_age=0), where they authenticate again.
 */
export async function beginSsoSignature(
  actor: Actor,
  changeId: string,
  input: SignoffIntent,
): Promise<{ url: string }> {
  if (actor.kind !== "user" || !actor.userId || actor.via !== "session" || actor.authMethod !== "oidc")
    throw forbidden("Only a person signed in with single sign-on signs through the identity provider.");
  requireScope(actor, "sign");
  const data = parseInput(signoffIntentSchema, input, "The sign-off");
  const db = await getDb();
  await checkBeforeProof(db, actor, changeId, data);
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
    changeId,
    input: data,
    nonce: checks.nonce,
    codeVerifier: checks.codeVerifier,
  });
  return { url };
}
