// The client's address as the socket saw it, handed to the app in headers no client can set.
//
// Why this exists: Next's own server (node_modules/next/dist/server/base-server.js, in
// handleRequestImpl) only fills `x-forwarded-for` when it is absent
// (`req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress`). A client that sends
// the header itself therefore replaces the peer address entirely, and App Router handlers (and
// next-auth's authorize, which only sees the headers) have no other way to the socket. So the
// server that owns the socket (scripts/server.mjs) records, before Next sees the request:
//   x-interlock-peer             the socket's remote address
//   x-interlock-forwarded-for    X-Forwarded-For exactly as received (absent when it was absent)
// Both are overwritten on every request, so a client-sent value never survives. Next's later
// `??=` fill of X-Forwarded-For cannot count the peer twice: the app reads only these two.

export const PEER_HEADER = "x-interlock-peer";
export const RECEIVED_XFF_HEADER = "x-interlock-forwarded-for";

/** @param {import("node:http").IncomingMessage} req */
export function stampPeer(req) {
  const received = req.headers["x-forwarded-for"];
  delete req.headers[RECEIVED_XFF_HEADER];
  if (received !== undefined)
    req.headers[RECEIVED_XFF_HEADER] = Array.isArray(received) ? received.join(", ") : received;
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
}
