import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { hasAdminPermission } from "@/lib/auth/permissions";
import { tokenIdSchema } from "@/lib/schemas/tokens";
import { notFound } from "@/lib/services/base/errors";
import { tokenView, type TokenView } from "./view";

/**
 * Owners revoke their own tokens; administrators anyone's. Someone else's token answers
 * "not found" so that ids cannot be probed. Revoking twice is harmless and not audited twice.
 */
export async function revokeToken(actor: Actor, id: string): Promise<TokenView> {
  const parsed = tokenIdSchema.safeParse(id);
  if (!parsed.success) throw notFound("Token");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, parsed.data)).for("update");
    const mayRevoke = row && (row.userId === actor.userId || hasAdminPermission(actor, "user.manage"));
    if (!row || !mayRevoke) throw notFound("Token");
    if (row.revokedAt) return tokenView(row);
    const [updated] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, row.id))
      .returning();
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    await appendAudit(tx, actor, {
      action: "token.revoke",
      objectType: "api_token",
      objectId: row.id,
      before: { revoked: false },
      after: { revoked: true, userEmail: owner?.email ?? null, name: row.name, prefix: row.tokenPrefix },
    });
    return tokenView(updated!);
  });
}
