import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { createTokenSchema, type CreateTokenInput } from "@/lib/schemas/tokens";
import { ServiceError, forbidden } from "@/lib/services/base/errors";
import { insertToken } from "./internal/insert-token";
import { tokenView, type CreatedToken } from "./view";

/** A token for the caller, acting with exactly the caller's roles. */
export async function createToken(actor: Actor, input: CreateTokenInput): Promise<CreatedToken> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in user can create a token for themselves.");
  const userId = actor.userId;
  const data = createTokenSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let expiresAt = new Date(Date.now() + data.days * 86_400_000);
    if (actor.tokenId) {
      // Rotation through the API is allowed, but a token cannot mint one that outlives it.
      const [parent] = await tx
        .select({ expiresAt: apiTokens.expiresAt })
        .from(apiTokens)
        .where(eq(apiTokens.id, actor.tokenId));
      if (!parent)
        throw new ServiceError("unauthenticated", "The token used for this request no longer exists.");
      if (parent.expiresAt < expiresAt) expiresAt = parent.expiresAt;
    }
    const { token, row } = await insertToken(tx, userId, data.name, expiresAt);
    await appendAudit(tx, actor, {
      action: "token.create",
      objectType: "api_token",
      objectId: row.id,
      after: { userEmail: actor.email, name: row.name, prefix: row.tokenPrefix, expiresAt: row.expiresAt },
    });
    return { ...tokenView(row), token, userEmail: actor.email };
  });
}
