// The auditor's view at scale: N hash-chained audit events over 12 sites and a year, then
//   the explorer page (one site + 30 days, 50 rows), the compliance dashboard (one site, the last
//   whole quarter), full-chain verification and a CSV export (--phases picks some of them).
// Run:
//   npx tsx --conditions=react-server bench/audit-trail.ts --events 1000000        (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/audit-trail.ts --events 5000000 \
//     --db interlock_audit_bench [--reuse]     (a named database, kept; --reuse seeds only what is missing)
//   BENCH_PROFILE=<dir> … writes verify/export .cpuprofile files (read: node bench/top-frames.mjs <file>)
// Targets (issue 9): page < 150 ms server time; dashboard < 300 ms; verification ≥ 200,000
// events/s; CSV export ≥ 50,000 events/s with memory growth < 100 MB. CPU figures count every
// thread of this process and, on a local PostgreSQL, the server backends (/proc).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import os from "node:os";
import fs from "node:fs";
import { asc, count, sql } from "drizzle-orm";
import postgres from "postgres";
import { closeDb, databaseKind, getDb, type Db } from "@/db/client";
import { auditEvents, sites } from "@/db/schema";
import { sealChainHead } from "@/lib/audit/checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { exportAuditEvents, listAuditEvents } from "@/lib/services/audit";
import { getCompliance } from "@/lib/services/compliance/get-compliance";
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
    // Comma-separated subset of page,compliance,verify,export (e.g. to profile one of them again).
    phases: { type: "string", default: "page,compliance,verify,export" },
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

/**
 * CPU seconds (user + system) each PostgreSQL backend serving this database has used so far, read
 * from /proc when the server runs on this machine (the dev server does); empty otherwise.
 */
async function serverCpu(db: Db): Promise<Map<number, number>> {
  const ticks = new Map<number, number>();
  if ((await databaseKind()) !== "postgres") return ticks;
  const res = await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`);
  for (const { pid } of res as unknown as { pid: number }[]) {
    try {
      // Fields 14 and 15 (utime, stime) follow the parenthesised command name.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(pid, (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // Not on this machine, or gone: not counted.
    }
  }
  return ticks;
}

/** Wall time, this process's CPU time (all threads) and the database server's of one phase. */
async function timed<T>(
  db: Db,
  fn: () => Promise<T>,
): Promise<{ value: T; wall: number; cpu: number; server: number; load: string }> {
  const l = load();
  const s0 = await serverCpu(db);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  const wall = (performance.now() - t0) / 1000;
  let server = 0;
  for (const [pid, t] of await serverCpu(db)) server += t - (s0.get(pid) ?? 0);
  return { value, wall, cpu: (c.user + c.system) / 1e6, server, load: l };
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

  const phases = new Set(opts.phases.split(","));
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
  console.log(
    `\n${await databaseKind()}${opts.db ? ` (${opts.db})` : ""}, ${(stored < EVENTS ? EVENTS : stored).toLocaleString("en-US")} events${seedS === null ? " (reused)" : `, seeded in ${seedS.toFixed(0)} s`}, ${RUNS} runs of each query`,
  );

  /** p50/p95 wall and the process's CPU p50 of RUNS calls after 3 warm-ups. */
  const sample = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn();
    const l = load();
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      await fn();
      wall.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    return `p50 ${pct(wall, 0.5).toFixed(1)} ms, p95 ${pct(wall, 0.95).toFixed(1)} ms; CPU p50 ${pct(cpu, 0.5).toFixed(1)} ms; load ${l}`;
  };

  if (phases.has("page")) {
    const to = new Date(Date.now() - 30 * 24 * 3600_000);
    const from = new Date(to.getTime() - 30 * 24 * 3600_000);
    const page = () =>
      listAuditEvents(auditor.actor, {
        site: codes[3],
        from: from.toISOString(),
        to: to.toISOString(),
        limit: 50,
      });
    console.log(`explorer page (site + 30 days, 50 rows): ${await sample(page)}  (target < 150 ms)`);
  }

  if (phases.has("compliance")) {
    // The last whole quarter the seeded year holds (events span the year before seeding).
    const end = new Date();
    const q = Math.floor(end.getUTCMonth() / 3) - 1;
    const start = new Date(Date.UTC(end.getUTCFullYear(), q * 3, 1));
    const stop = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const period = { site: codes[3], from: day(start), to: day(stop) };
    const dash = () => getCompliance(auditor.actor, period);
    console.log(
      `compliance dashboard (one site, ${period.from} to ${period.to}): ${await sample(dash)}  (target < 300 ms)`,
    );
  }

  if (phases.has("verify")) {
    const v = await timed(db, () => profiled("verify", () => verifyAuditChain(db)));
    const verified = v.value;
    console.log(
      `verification: ${verified.ok ? "intact" : "BROKEN"}, ${verified.checked.toLocaleString("en-US")} events + ${verified.checkpointsChecked} checkpoints in ${v.wall.toFixed(1)} s = ${rate(verified.checked, v.wall)} events/s; this process's CPU (all threads) ${v.cpu.toFixed(1)} s = ${rate(verified.checked, v.cpu)} events per CPU-second; with the database server's ${v.server.toFixed(1)} s: ${rate(verified.checked, v.cpu + v.server)} per CPU-second; load ${v.load}  (target ≥ 200,000/s)`,
    );
  }

  if (phases.has("export")) {
    const rss0 = process.memoryUsage().rss;
    let rssPeak = rss0;
    let bytes = 0;
    let chunks = 0;
    const x = await timed(db, async () => {
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
    console.log(
      `CSV export: ${mb(bytes)} in ${x.wall.toFixed(1)} s = ${rate(x.value, x.wall)} events/s; CPU ${x.cpu.toFixed(1)} s = ${rate(x.value, x.cpu)} events per CPU-second; with the database server's ${x.server.toFixed(1)} s: ${rate(x.value, x.cpu + x.server)} per CPU-second; RSS growth ${mb(rssPeak - rss0)}; load ${x.load}  (targets ≥ 50,000/s, < 100 MB)`,
    );
  }
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
