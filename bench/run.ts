// The fleet benchmark (issue 11): seeds fleet-scale data (or reuses it), then for each operation
// prints one caller's p50/p99, ten callers' throughput, the floor (the operation's own SQL replayed
// on the driver) and the ratio, with the machine's load beside each line, and the memory used.
// Run:
//   npm run bench                                   (embedded PGlite in .bench-data/)
//   DATABASE_URL=postgres://…/postgres npm run bench   (database interlock_bench on that server)
//   … -- --reuse   (keep the seeded data)   --changes N --sites N --assets-per-site N --runs N --each N
//   --db NAME   (PostgreSQL: the database to seed, default interlock_bench)   --sql (print each operation's statements)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { closeDb, databaseKind, getDb, type Db } from "@/db/client";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createAsset } from "@/lib/services/assets/create";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { listChanges } from "@/lib/services/changes/list";
import { databaseHealthy } from "@/lib/services/health";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import { rowsOf, seedChanges } from "./fleet-seed";
import { actorsOf, loadWorld, makeWorld, saveWorld } from "./fleet-world";
import { captureSql, measure, replay, type Figures } from "./measure";

const { values: opts } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    changes: { type: "string", default: "200000" },
    sites: { type: "string", default: "50" },
    "assets-per-site": { type: "string", default: "1000" },
    runs: { type: "string", default: "40" },
    each: { type: "string", default: "20" },
    db: { type: "string", default: "interlock_bench" },
    sql: { type: "boolean", default: false },
  },
});
const DIR = path.resolve(".bench-data");
const load = () => os.loadavg()[0]!.toFixed(1);

async function openDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (!opts.reuse) fs.rmSync(path.join(DIR, "pglite"), { recursive: true, force: true });
    process.env.INTERLOCK_DATA_DIR = path.join(DIR, "pglite");
    return;
  }
  const target = new URL(url);
  if (!/^[a-z_][a-z0-9_]*$/.test(opts.db)) throw new Error(`--db ${opts.db}: not a plain database name`);
  target.pathname = `/${opts.db}`;
  if (!opts.reuse) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${opts.db} with (force)`);
    await admin.unsafe(`create database ${opts.db}`);
    await admin.end();
  }
  process.env.DATABASE_URL = target.toString();
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  await openDatabase();
  const db: Db = await getDb();
  const kind = await databaseKind();
  const worldFile = path.join(DIR, `world-${kind}.json`);
  const t0 = Date.now();
  if (!opts.reuse) {
    const seeded = await seedChanges(db, {
      sites: Number(opts.sites),
      assetsPerSite: Number(opts["assets-per-site"]),
      changes: Number(opts.changes),
    });
    saveWorld(worldFile, await makeWorld(seeded));
    await db.execute(sql`analyze`);
    console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s (load ${load()})`);
  }
  const world = loadWorld(worldFile);
  const a = await actorsOf(world);
  const [{ n: changeCount }] = (await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from changes`,
  )) as [{ n: number }];
  const [{ n: waiting }] = (await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from changes where state = 'submitted' and ${a.plant.grants[0]!.siteId}::uuid = any(site_ids)`,
  )) as [{ n: number }];
  const site = a.plant.grants[0]!.siteCode;
  let tag = 0;
  const ops: [string, () => Promise<unknown>, boolean][] = [
    ["GET /api/v1/health (databaseHealthy)", () => databaseHealthy(), true],
    ["gate dry run (evaluateGateFor)", () => evaluateGateFor(a.implementer, world.changeId), true],
    ["change view (getChange)", () => getChange(a.implementer, world.changeId), true],
    [
      "change list, site + state, 50 rows",
      () => listChanges(a.corporate, { site, state: "submitted", limit: 50 }),
      true,
    ],
    [`approvals inbox (${waiting} waiting at ${site})`, () => approvalsInbox(a.plant), true],
    [
      "month calendar (calendarData, June 2025)",
      () => calendarData(a.corporate, { site, from: "2025-06-01T00:00:00Z", to: "2025-07-01T00:00:00Z" }),
      true,
    ],
    [
      "write: create asset",
      () =>
        createAsset(a.requester, {
          siteCode: site,
          areaCode: "U1",
          tag: `BENCH-${process.pid}-${tag++}`,
          name: "Bench asset",
          kind: "plc",
          criticality: "supporting",
        }),
      false,
    ],
  ];
  const runs = { runs: Number(opts.runs), callers: 10, each: Number(opts.each) };
  const rows: { name: string; op: Figures; floor: Figures | null; load: string; queries: number }[] = [];
  for (const [name, op, withFloor] of ops) {
    // One call first, so that one-off work (the inbox's first fill of signoff_slots after a bulk
    // seed, the first plan of each statement) is neither captured as the floor nor measured.
    await op();
    const statements = await captureSql(db, op);
    if (opts.sql) for (const st of statements) console.log(`  ${name}: ${st.sql.slice(0, 220)}`);
    const l = load();
    const figures = await measure(op, runs);
    const floor = withFloor ? await measure(replay(db, statements), runs) : null;
    rows.push({ name, op: figures, floor, load: l, queries: statements.length });
    console.log(`measured: ${name}`);
  }
  const verified = await verifyAuditChain(db);
  const mem = process.memoryUsage();
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  console.log(
    `\n${kind}, ${changeCount} changes, ${os.cpus().length} cores; ${runs.runs} single-caller runs, ${runs.callers}×${runs.each} concurrent calls`,
  );
  console.log(
    "| operation | SQL statements | p50 ms | p99 ms | 10 callers /s | floor p50 ms | floor p99 ms | floor /s | p50 ratio | load (1 min) |",
  );
  console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.queries} | ${f(r.op.p50)} | ${f(r.op.p99)} | ${f(r.op.perSecond)} | ${r.floor ? f(r.floor.p50) : "—"} | ${r.floor ? f(r.floor.p99) : "—"} | ${r.floor ? f(r.floor.perSecond) : "—"} | ${r.floor ? (r.op.p50 / r.floor.p50).toFixed(1) : "—"} | ${r.load} |`,
    );
  const health = rows[0]!.op.perSecond;
  for (const r of rows.slice(1))
    console.log(`${r.name}: ${((100 * r.op.perSecond) / health).toFixed(0)}% of health's throughput`);
  console.log(
    `chain verifies: ${verified.ok} (${verified.checked} events); memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB; load now ${load()}`,
  );
  await closeDb();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
