import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { signoffIntentSchema, type SignoffIntent } from "@/lib/schemas/changes";
import { parseInput } from "@/lib/services/base/parse-input";
import { checkBeforeProof } from "@/lib/services/changes/internal/signoff-checks";
import { requireSsoSigner, startReauth } from "./internal/start-reauth";

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
  requireSsoSigner(actor);
  const data = parseInput(signoffIntentSchema, input, "The sign-off");
  const db = await getDb();
  await checkBeforeProof(db, actor, changeId, data);
  return startReauth(db, actor, { changeId }, data);
}
