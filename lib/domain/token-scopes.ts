/**
 * What an API token may do. `read`: GET only. `write`: every change the user may make except
 * signing. `sign`: the sign-off endpoint (which still asks for the password). A browser session
 * and the command line act with every scope; a calendar feed URL only reads its feed.
 */
export const TOKEN_SCOPES = ["read", "write", "sign"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read",
  write: "Write (everything except signing)",
  sign: "Sign (sign-offs, still with the password)",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The scope a request needs: reads need `read`; the sign-off endpoint `sign`; other writes `write`. */
export function scopeForRequest(method: string, endpoint: "sign" | "default" = "default"): TokenScope {
  if (SAFE_METHODS.has(method.toUpperCase())) return "read";
  return endpoint === "sign" ? "sign" : "write";
}

/** `null` scopes mean "not limited" (sessions, the command line). */
export function allows(scopes: readonly TokenScope[] | null, needed: TokenScope): boolean {
  return scopes === null || scopes.includes(needed);
}

/** A token may only hand on scopes it holds itself. */
export function excessScopes(
  parent: readonly TokenScope[] | null,
  wanted: readonly TokenScope[],
): TokenScope[] {
  return parent === null ? [] : wanted.filter((s) => !parent.includes(s));
}

/** In a fixed order, without repeats, for storage and display. */
export function normaliseScopes(scopes: readonly TokenScope[]): TokenScope[] {
  return TOKEN_SCOPES.filter((s) => scopes.includes(s));
}
