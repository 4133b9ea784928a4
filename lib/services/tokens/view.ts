import { currentTime } from "@/lib/clock";
import type { apiTokens } from "@/db/schema";
import { normaliseScopes } from "@/lib/domain/token-scopes";
import type { TokenStatus, TokenView, CreatedToken } from "@/lib/types/tokens";
export type { TokenStatus, TokenView, CreatedToken };

export function tokenView(row: typeof apiTokens.$inferSelect, now = currentTime()): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    scopes: normaliseScopes(row.scopes),
    parentTokenId: row.parentTokenId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    status: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
  };
}
