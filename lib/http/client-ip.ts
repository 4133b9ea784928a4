/**
 * The client address for rate limits. The Next server appends the socket address to
 * X-Forwarded-For; INTERLOCK_TRUSTED_PROXIES says how many reverse proxies stand in front.
 */
export function clientIp(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const trusted = Math.max(0, Number(process.env.INTERLOCK_TRUSTED_PROXIES ?? 0) || 0);
  return hops[hops.length - 1 - trusted] ?? hops[0] ?? headers.get("x-real-ip") ?? "unknown";
}
