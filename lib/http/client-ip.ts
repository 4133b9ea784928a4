/**
 * The client address recorded in the trail and counted by the sign-in limits.
 *
 * Read only from the two headers our own server (scripts/server.mjs) writes before Next sees the
 * request, never from X-Forwarded-For directly: Next fills that header with the socket address
 * only when the client did not send one, so by the time a route handler runs it may be entirely
 * client-made. See scripts/peer-headers.mjs.
 *
 * INTERLOCK_TRUSTED_PROXIES=N: 0 (default) → the socket's peer, whatever the headers say.
 * N → the Nth address from the right of the X-Forwarded-For chain as received (each trusted
 * proxy appends the address it saw); if the chain is shorter than N, its leftmost address.
 */
import { PEER_HEADER, RECEIVED_XFF_HEADER } from "@/scripts/peer-headers.mjs";

export function trustedProxies(): number {
  const n = Number(process.env.INTERLOCK_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

export function clientIp(headers: Headers, trusted = trustedProxies()): string {
  // Without our server in front (next dev), there is no trustworthy address: everyone shares one.
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  if (trusted === 0) return normalise(peer);
  const hops = (headers.get(RECEIVED_XFF_HEADER) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length === 0) return normalise(peer);
  return normalise(hops[Math.max(0, hops.length - trusted)]!);
}

/** "::ffff:127.0.0.1" is how a dual-stack socket spells an IPv4 peer; record the plain form. */
function normalise(address: string): string {
  const plain = address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
  return plain.slice(0, 64);
}
