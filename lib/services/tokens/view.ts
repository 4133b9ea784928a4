import type { apiTokens } from "@/db/schema";
import { normaliseScopes, type TokenScope } from "@/lib/domain/token-scopes";

export type TokenStatus = "active" | "expired" | "revoked";

/** A token as its owner or an administrator sees it: never the secret, only its first characters. */
export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  /** The token it was created with; revoked together with it. */
  parentTokenId: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
}

/** The only moment the raw token exists outside the caller: it is stored as a SHA-256 hash. */
export interface CreatedToken extends TokenView {
  token: string;
  userEmail: string;
}

export function tokenView(row: typeof apiTokens.$inferSelect, now = new Date()): TokenView {
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
