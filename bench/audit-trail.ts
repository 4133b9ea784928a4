// The auditor's view at scale: N hash-chained audit events over 12 sites and a year, then
//   the explorer page (one site + 30 days, 50 rows), full-chain verification and a CSV export.
// Run:
//   npx tsx --conditions=react-server bench/audit-trail.ts --events 1000000        (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/audit-trail.ts --events 5000000
// Targets (issue 9): page < 150 ms server time; verification ≥ 200,000 events/s; CSV export
// ≥ 50,000 events/s with memory growth < 100 MB.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, databaseKind, type Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { sealChainHead } from "@/lib/audit/checkpoint";
import { GENESIS_HASH, chainHash } from "@/lib/audit/hash";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { exportAuditEvents, listAuditEvents } from "@/lib/services/audit";
import { useTestDatabase } from "../test/db";
import { makeSite, makeUser } from "../test/fixtures";

const { values: opts } = parseArgs({
  options: { events: { type: "string", default: "500000" }, runs: { type: "string", default: "30" } },
});
const EVENTS = Number(opts.events);
const RUNS = Number(opts.runs);
const SITES = 12;
const YEAR_MS = 365 * 24 * 3600_000;
const ACTIONS = ["change.update", "signoff.sign", "gate.decision", "asset.update", "auth.login"] as const;
process.env.INTERLOCK_AUDIT_KEY ??= "bench-audit-key-0123456789abcdefghijklmnopqrstuvwxyz";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function seed(db: Db, siteIds: string[]) {
  const rows = (
    await db
      .select({ id: auditEvents.id, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(sql`id desc`)
      .limit(1)
  )[0];
  let id = rows?.id ?? 0;
  let prev = rows?.hash ?? GENESIS_HASH;
  const start = Date.now() - YEAR_MS;
  const t0 = performance.now();
  const BATCH = 2000;
  for (let done = 0; done < EVENTS; done += BATCH) {
    const values = [];
    for (let i = 0; i < Math.min(BATCH, EVENTS - done); i++) {
      id++;
      const n = done + i;
      const e = {
        id,
        at: new Date(start + Math.floor((n / EVENTS) * YEAR_MS)),
        actorId: null,
        actorEmail: `user${n % 500}@bench.test`,
        action: ACTIONS[n % ACTIONS.length]!,
        objectType: "change",
        objectId: `c-${n % 20000}`,
        siteId: siteIds[n % SITES]!,
        before: null,
        after: { field: "value", n },
        reason: n % 7 === 0 ? `Reason ${n}` : null,
        ip: "10.0.0.1",
      };
      const hash = chainHash(prev, e);
      values.push({ ...e, prevHash: prev, hash });
      prev = hash;
    }
    await db.insert(auditEvents).values(values);
    if ((done / BATCH) % 50 === 0) process.stdout.write(`\rseeded ${done.toLocaleString("en-US")}`);
  }
  await db.execute(sql`analyze`);
  console.log(
    `\rseeded ${EVENTS.toLocaleString("en-US")} events in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}

async function main() {
  const db = await useTestDatabase();
  const codes = Array.from({ length: SITES }, (_, i) => `A${String(i).padStart(2, "0")}`);
  const siteIds = [];
  for (const c of codes) siteIds.push((await makeSite(c, "Europe/Berlin")).id);
  const auditor = await makeUser(codes.map((c) => `${c}:auditor` as const));
  await seed(db, siteIds);
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

  let t = performance.now();
  const verified = await verifyAuditChain(db);
  const verifyS = (performance.now() - t) / 1000;

  const rss0 = process.memoryUsage().rss;
  let rssPeak = rss0;
  t = performance.now();
  const file = await exportAuditEvents(auditor.actor, {}, "csv");
  const reader = file.body.getReader();
  let bytes = 0;
  let chunks = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (++chunks % 20 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const exportS = (performance.now() - t) / 1000;

  console.log(
    `\n${await databaseKind()}, ${EVENTS.toLocaleString("en-US")} events (+ setup), ${RUNS} page runs`,
  );
  console.log(
    `explorer page (site + 30 days, 50 rows): p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms  (target < 150 ms)`,
  );
  console.log(
    `verification: ${verified.ok ? "intact" : "BROKEN"}, ${verified.checked.toLocaleString("en-US")} events + ${verified.checkpointsChecked} checkpoints in ${verifyS.toFixed(1)} s = ${Math.round(verified.checked / verifyS).toLocaleString("en-US")} events/s  (target ≥ 200,000)`,
  );
  console.log(
    `CSV export: ${mb(bytes)} in ${exportS.toFixed(1)} s = ${Math.round(file.upToId / exportS).toLocaleString("en-US")} events/s; RSS growth ${mb(rssPeak - rss0)}  (targets ≥ 50,000 events/s, < 100 MB)`,
  );
  console.log(
    `load average: ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
