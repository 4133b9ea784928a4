#!/usr/bin/env node
// `npm start`: build when the sources changed since the last build, then serve the portal.
// Migrations and the demo seed run inside the server process (instrumentation.ts), which also
// holds the embedded database's lock.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, entry)));
  return max;
}

const stampFile = path.join(root, ".next", "interlock-build-stamp");
const stamp = String(Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))));
const built =
  fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, "utf8") === stamp;
if (!built) {
  console.log("[interlock] building the portal (first start or sources changed)…");
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stampFile, stamp);
  console.log(`[interlock] build finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT ?? "3000";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
  // A per-installation secret, generated once and kept beside the data (never in the repository).
  const dir = path.resolve(env.INTERLOCK_DATA_DIR ?? ".data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file))
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
console.log(
  `[interlock] starting on http://localhost:${port} with ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${path.resolve(env.INTERLOCK_DATA_DIR ?? ".data")}`}`,
);
env.PORT = port;
env.NODE_ENV = "production";
const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
