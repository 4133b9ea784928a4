/** What a password change or reset closed. */
export interface RevokedAccess {
  sessions: number;
  tokens: number;
  feeds: number;
}

/** "2 other sessions, 1 API token and 1 calendar feed URL", or "nothing else was open". */
export function describeRevoked(r: RevokedAccess, others = true): string {
  const parts = [
    [r.sessions, others ? "other session" : "session", others ? "other sessions" : "sessions"],
    [r.tokens, "API token", "API tokens"],
    [r.feeds, "calendar feed URL", "calendar feed URLs"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (parts.length === 0) return others ? "nothing else was open" : "nothing was open";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
