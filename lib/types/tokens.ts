// What the token services return.
import type { TokenScope } from "@/lib/domain/token-scopes";

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
