// The auditor's view at scale: N hash-chained audit events over 12 sites and a year, then
//   the explorer page (one site + 30 days, 50 rows), full-chain verification and a CSV export.
// Run:
//   npx tsx --conditions=react-server bench/audit-trail.ts --events 1000000        (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/audit-trail.ts --events 5000000 \
//     --db interlock_audit_bench [--reuse]     (a named database, kept; --reuse seeds only what is missing)
//   BENCH_PROFILE=<dir> … writes verify/export .cpuprofile files (read: node bench/top-frames.mjs <file>)
// Targets (issue 9): page < 150 ms server time; verification ≥ 200,000 events/s; CSV export
// ≥ 50,000 events/s with memory growth < 100 MB.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import os from "node:os";
import { asc, count } from "drizzle-orm";
import postgres from "postgres";
import { closeDb, databaseKind, getDb, type Db } from "@/db/client";
import { auditEvents, sites } from "@/db/schema";
import { sealChainHead } from "@/lib/audit/checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { exportAuditEvents, listAuditEvents } from "@/lib/services/audit";
import { useTestDatabase } from "../test/db";
import { seedAuditEvents } from "./audit-seed";
import { profiled } from "./profile";
import { makeSite, makeUser } from "../test/fixtures";

const { values: opts } = parseArgs({
  options: {
    events: { type: "string", default: "500000" },
    runs: { type: "string", default: "30" },
    db: { type: "string" },
    reuse: { type: "boolean", default: false },
  },
});
const EVENTS = Number(opts.events);
const RUNS = Number(opts.runs);
const SITES = 12;
process.env.INTERLOCK_AUDIT_KEY ??= "bench-audit-key-0123456789abcdefghijklmnopqrstuvwxyz";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Wall time and this process's CPU time (user + system) of one phase. */
async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; wall: number; cpu: number; load: string }> {
  const l = load();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, load: l };
}

/**
 * The database: with --db NAME on PostgreSQL that database (created when missing, kept, and with
 * --reuse seeded only once); otherwise a fresh one, dropped at the end.
 */
async function openDatabase(): Promise<{ db: Db; drop: string | null; reused: boolean }> {
  const server = process.env.DATABASE_URL;
  if (!server || !opts.db) {
    const db = await useTestDatabase();
    return { db, drop: server ? new URL(process.env.DATABASE_URL!).pathname.slice(1) : null, reused: false };
  }
  process.env.INTERLOCK_TEST_SERVER_URL = server;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${opts.db}`;
  if (exists && !opts.reuse) await admin.unsafe(`drop database ${opts.db} with (force)`);
  if (!exists || !opts.reuse) await admin.unsafe(`create database ${opts.db}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${opts.db}`;
  process.env.DATABASE_URL = url.toString();
  return { db: await getDb(), drop: null, reused: Boolean(exists && opts.reuse) };
}

async function main() {
  const { db, drop, reused } = await openDatabase();
  const codes = Array.from({ length: SITES }, (_, i) => `A${String(i).padStart(2, "0")}`);
  const known = await db.select({ id: sites.id, code: sites.code }).from(sites).orderBy(asc(sites.code));
  const siteIds = known.filter((s) => codes.includes(s.code)).map((s) => s.id);
  if (!reused || siteIds.length < SITES)
    for (const c of codes) siteIds.push((await makeSite(c, "Europe/Berlin")).id);
  const auditor = await makeUser(codes.map((c) => `${c}:auditor` as const));
  const stored = (await db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
  let seedS: number | null = null;
  if (stored < EVENTS) seedS = await seedAuditEvents(db, siteIds, EVENTS - stored);
  else console.log(`reusing ${stored.toLocaleString("en-US")} events in ${opts.db}`);
  await sealChainHead(db, { reason: "bench" });

  const to = new Date(Date.now() - 30 * 24 * 3600_000);
  const from = new Date(to.getTime() - 30 * 24 * 3600_000);
  const page = () =>
    listAuditEvents(auditor.actor, {
      site: codes[3],
      from: from.toISOString(),
      to: to.toISOString(),
      limit: 50,
    });
  for (let i = 0; i < 3; i++) await page();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await page();
    times.push(performance.now() - t);
  }

  const v = await timed(() => profiled("verify", () => verifyAuditChain(db)));
  const verified = v.value;

  const rss0 = process.memoryUsage().rss;
  let rssPeak = rss0;
  let bytes = 0;
  let chunks = 0;
  const x = await timed(async () => {
    const file = await exportAuditEvents(auditor.actor, {}, "csv");
    const reader = file.body.getReader();
    await profiled("export", async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (++chunks % 20 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }
    });
    return file.upToId;
  });
  const exported = x.value;
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");

  console.log(
    `\n${await databaseKind()}${opts.db ? ` (${opts.db})` : ""}, ${verified.checked.toLocaleString("en-US")} events${seedS === null ? " (reused)" : `, seeded in ${seedS.toFixed(0)} s`}, ${RUNS} page runs`,
  );
  console.log(
    `explorer page (site + 30 days, 50 rows): p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms  (target < 150 ms)`,
  );
  console.log(
    `verification: ${verified.ok ? "intact" : "BROKEN"}, ${verified.checked.toLocaleString("en-US")} events + ${verified.checkpointsChecked} checkpoints in ${v.wall.toFixed(1)} s = ${rate(verified.checked, v.wall)} events/s; this process's CPU ${v.cpu.toFixed(1)} s = ${rate(verified.checked, v.cpu)} events per CPU-second; load ${v.load}  (target ≥ 200,000/s)`,
  );
  console.log(
    `CSV export: ${mb(bytes)} in ${x.wall.toFixed(1)} s = ${rate(exported, x.wall)} events/s; CPU ${x.cpu.toFixed(1)} s = ${rate(exported, x.cpu)} events per CPU-second; RSS growth ${mb(rssPeak - rss0)}; load ${x.load}  (targets ≥ 50,000/s, < 100 MB)`,
  );
  console.log(`load average at the end: ${load()}`);
  await closeDb();
  if (drop) {
    const admin = postgres(process.env.INTERLOCK_TEST_SERVER_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database ${drop}`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
