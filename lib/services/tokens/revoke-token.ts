import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray, isNull } from "drizzle-orm";
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
 * Tokens created with the token are revoked in the same transaction.
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
    const now = currentTime();
    const [updated] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(eq(apiTokens.id, row.id))
      .returning();
    // Tokens created with this one (and theirs, at any depth) end with it.
    const childIds: string[] = [];
    for (let frontier = [row.id]; frontier.length;) {
      const next = await tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(inArray(apiTokens.parentTokenId, frontier), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      frontier = next.map((c) => c.id);
      childIds.push(...frontier);
    }
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    await appendAudit(tx, actor, {
      action: "token.revoke",
      objectType: "api_token",
      objectId: row.id,
      before: { revoked: false },
      after: {
        revoked: true,
        userEmail: owner?.email ?? null,
        name: row.name,
        prefix: row.tokenPrefix,
        ...(childIds.length ? { alsoRevoked: childIds } : {}),
      },
      reason: childIds.length ? `Also revoked ${childIds.length} token(s) created with it` : null,
    });
    return tokenView(updated!);
  });
}
