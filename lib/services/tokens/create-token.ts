import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import {
  createTokenSchema,
  mintTokenSchema,
  type CreateTokenInput,
  type MintTokenInput,
} from "@/lib/schemas/tokens";
import { requireAdmin } from "@/lib/services/authorize";
import { ServiceError, conflict, forbidden, notFound } from "@/lib/services/errors";
import { tokenView, type TokenView } from "./view";

/** The only moment the raw token exists outside the caller: it is stored as a SHA-256 hash. */
export interface CreatedToken extends TokenView {
  token: string;
  userEmail: string;
}

const PREFIX_LENGTH = 12;

async function insertToken(tx: Tx, userId: string, name: string, expiresAt: Date) {
  const token = newSecret("ilk");
  const [row] = await tx
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), tokenPrefix: token.slice(0, PREFIX_LENGTH), expiresAt })
    .returning();
  return { token, row: row! };
}

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

/**
 * An administrator (or the command line) issues a token that acts as the named user. The audit
 * event records both: the administrator as actor, the user the token acts for in its payload.
 */
export async function mintTokenFor(actor: Actor, input: MintTokenInput): Promise<CreatedToken> {
  requireAdmin(actor, "user.manage");
  const data = mintTokenSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, data.email)).for("update");
    if (!user) throw notFound("User");
    if (user.disabledAt)
      throw conflict(`${user.email} is disabled; enable the account before issuing a token.`);
    const { token, row } = await insertToken(
      tx,
      user.id,
      data.name,
      new Date(Date.now() + data.days * 86_400_000),
    );
    await appendAudit(tx, actor, {
      action: "token.create",
      objectType: "api_token",
      objectId: row.id,
      after: {
        userId: user.id,
        userEmail: user.email,
        name: row.name,
        prefix: row.tokenPrefix,
        expiresAt: row.expiresAt,
      },
      reason: `Issued for ${user.email} by ${actor.email}`,
    });
    return { ...tokenView(row), token, userEmail: user.email };
  });
}
