import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { mintTokenSchema, type MintTokenInput } from "@/lib/schemas/tokens";
import { requireAdmin } from "@/lib/services/authorize";
import { conflict, notFound } from "@/lib/services/base/errors";
import { insertToken } from "./internal/insert-token";
import { tokenView, type CreatedToken } from "./view";

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
    const { token, row } = await insertToken(tx, {
      userId: user.id,
      name: data.name,
      expiresAt: new Date(Date.now() + data.days * 86_400_000),
      scopes: data.scopes,
    });
    await appendAudit(tx, actor, {
      action: "token.create",
      objectType: "api_token",
      objectId: row.id,
      after: {
        userId: user.id,
        userEmail: user.email,
        name: row.name,
        prefix: row.tokenPrefix,
        expiresAt: row.expiresAt.toISOString(),
        scopes: row.scopes,
      },
      reason: `Issued for ${user.email} by ${actor.email}`,
    });
    return { ...tokenView(row), token, userEmail: user.email };
  });
}
