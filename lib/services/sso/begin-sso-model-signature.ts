import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { modelSignoffIntentSchema, type ModelSignoffIntent } from "@/lib/schemas/catalog";
import { parseInput } from "@/lib/services/base/parse-input";
import { checkModelBeforeProof } from "@/lib/services/catalog/internal/model-signoff-checks";
import { requireSsoSigner, startReauth } from "./internal/start-reauth";

/**
 * An SSO board member's signature on a catalog model version starts as a change sign-off does:
 * checked before the trip (who may sign, the shown content hash), then the provider's login page.
 */
export async function beginSsoModelSignature(
  actor: Actor,
  modelId: string,
  input: ModelSignoffIntent,
): Promise<{ url: string }> {
  requireSsoSigner(actor);
  const data = parseInput(modelSignoffIntentSchema, input, "The sign-off");
  const db = await getDb();
  await checkModelBeforeProof(db, actor, modelId, data.contentHash);
  return startReauth(
    db,
    actor,
    { modelId },
    { role: "change_board", decision: data.decision, comment: data.comment, contentHash: data.contentHash },
  );
}
