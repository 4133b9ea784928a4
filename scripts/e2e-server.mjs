#!/usr/bin/env node
// Starts the portal for end-to-end tests on a fresh demo database: a new embedded data folder,
// or, when DATABASE_URL names a PostgreSQL server, a newly created database on it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = {
  ...process.env,
  INTERLOCK_DEMO: "1",
  NEXTAUTH_SECRET: "e2e-only-secret-not-used-elsewhere-0123456789",
  // On PostgreSQL checkpoints are off without a key (the embedded database generates one): set it
  // so that both databases seal and verify the trail as a configured production server does.
  INTERLOCK_AUDIT_KEY: "e2e-only-audit-checkpoint-key-not-used-elsewhere-0123456789",
};
if (env.DATABASE_URL) {
  // One database per port, so that two e2e runs on one server (different E2E_PORT) do not collide.
  const name = `interlock_e2e_${process.env.PORT ?? "3210"}`;
  const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const dir = path.join(root, ".data", "e2e");
  fs.rmSync(dir, { recursive: true, force: true });
  env.INTERLOCK_DATA_DIR = dir;
}
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
