#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node HTTP server, so that the
// socket's peer address reaches the app unforgeably (see scripts/peer-headers.mjs for why
// `next start` cannot do this). Started by scripts/start.mjs after the build.
import http from "node:http";
import next from "next";
import { stampPeer } from "./peer-headers.mjs";
import { strictTransportSecurity } from "./response-headers.mjs";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
const hsts = strictTransportSecurity(process.env.NEXTAUTH_URL);
await app.prepare();
const server = http.createServer((req, res) => {
  stampPeer(req);
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Idle keep-alive sockets live longer than a reverse proxy's or client's (commonly 60 s): with
// Node's 5 s default the server closes a socket just as the other side reuses it, and that
// request fails with ECONNRESET (seen in e2e runs under load; behind nginx or a load balancer it is
// a 502).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("error", (e) => {
  console.error(`[interlock] cannot listen on port ${port}: ${e.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`[interlock] listening on port ${port}`));
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
