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
import { excessScopes } from "@/lib/domain/token-scopes";

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
      // Rotation through the API is allowed, but a token cannot mint one that outlives it or
      // can do more than it; the child is revoked with it (revoke-token.ts).
      const [parent] = await tx
        .select({ expiresAt: apiTokens.expiresAt })
        .from(apiTokens)
        .where(eq(apiTokens.id, actor.tokenId))
        .for("update");
      if (!parent)
        throw new ServiceError("unauthenticated", "The token used for this request no longer exists.");
      if (parent.expiresAt < expiresAt) expiresAt = parent.expiresAt;
      const excess = excessScopes(actor.scopes, data.scopes);
      if (excess.length)
        throw forbidden(
          `A token can only create tokens with its own scopes; this one lacks ${excess.join(", ")}. Create the token on your profile page instead.`,
        );
    }
    const { token, row } = await insertToken(tx, {
      userId,
      name: data.name,
      expiresAt,
      scopes: data.scopes,
      parentTokenId: actor.tokenId,
    });
    await appendAudit(tx, actor, {
      action: "token.create",
      objectType: "api_token",
      objectId: row.id,
      after: {
        userEmail: actor.email,
        name: row.name,
        prefix: row.tokenPrefix,
        expiresAt: row.expiresAt.toISOString(),
        scopes: row.scopes,
        parentTokenId: row.parentTokenId,
      },
    });
    return { ...tokenView(row), token, userEmail: actor.email };
  });
}
