// The fleet benchmark (issue 11): seeds fleet-scale data (or reuses it), starts the built portal
// (`scripts/start.mjs`, which builds first when the sources changed) and drives its routes over
// HTTP: one caller's p50/p99, ten callers' throughput and the server's CPU per request; then the
// floor, a bare node:http route replaying the SQL the portal's route sends for the same call; the
// ratio; the server's memory; the machine's load beside every line. Run:
//   npm run bench                                   (embedded PGlite in .bench-data/)
//   DATABASE_URL=postgres://…/postgres npm run bench   (database interlock_bench on that server)
//   … -- --reuse   (keep the seeded data)   --changes N --sites N --assets-per-site N --waiting N
//   --runs N --each N --port N (default 3640)   --db NAME (PostgreSQL, default interlock_bench)
//   --seed-only (seed and capture, then stop; measure later with --reuse)   --explain (EXPLAIN ANALYZE of each read, to .bench-data/plans-<db>.txt)
//     --sql (print each operation's statements)   --cpu-prof DIR (a CPU profile of the server)
//     --ops gate,calendar (measure these operations, and health for the ratios; keys in bench/operations.ts)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { closeDb, databaseKind, getDb, type Db } from "@/db/client";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { rowsOf, seedChanges } from "./fleet-seed";
import { actorsOf, loadWorld, makeWorld, saveWorld, tokensOf } from "./fleet-world";
import { hit, startFloorServer, startPortal, treeMemoryMb, type HttpFigures } from "./http";
import { operations } from "./operations";
import { captureSql, explain, type Statement } from "./measure";

const { values: opts } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    changes: { type: "string", default: "200000" },
    sites: { type: "string", default: "50" },
    "assets-per-site": { type: "string", default: "1000" },
    waiting: { type: "string", default: "1000" },
    runs: { type: "string", default: "200" },
    each: { type: "string", default: "30" },
    port: { type: "string", default: "3640" },
    db: { type: "string", default: "interlock_bench" },
    sql: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    ops: { type: "string" },
  },
});
const DIR = path.resolve(".bench-data");
const load = () => os.loadavg()[0]!.toFixed(1);
// Known to the portal and to the benchmark, which signs the calendar page's session cookie with it.
const SECRET = "bench-only-secret-not-used-elsewhere-0123456789";

async function openDatabase(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = path.join(DIR, "pglite");
    if (!opts.reuse) fs.rmSync(dir, { recursive: true, force: true });
    process.env.INTERLOCK_DATA_DIR = dir;
    return { INTERLOCK_DATA_DIR: dir };
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
  return { DATABASE_URL: target.toString() };
}

interface Row {
  name: string;
  statements: number;
  op: HttpFigures;
  floor: HttpFigures | null;
  load: string;
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const dbEnv = await openDatabase();
  let db: Db = await getDb();
  const kind = await databaseKind();
  const worldFile = path.join(DIR, `world-${kind}.json`);
  const t0 = Date.now();
  if (!opts.reuse) {
    const seeded = await seedChanges(db, {
      sites: Number(opts.sites),
      assetsPerSite: Number(opts["assets-per-site"]),
      changes: Number(opts.changes),
    });
    saveWorld(worldFile, await makeWorld(seeded, Number(opts.waiting)));
    await db.execute(sql`analyze`);
    console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s (load ${load()})`);
  }
  const world = loadWorld(worldFile);
  const actors = await actorsOf(world);
  const tokens = await tokensOf(actors);
  const cookie = `next-auth.session-token=${await encode({ token: { sid: actors.corporate.sessionId }, secret: SECRET })}`;
  const waiting = (await approvalsInbox(actors.plant)).length;
  const picked = opts.ops ? new Set(["health", ...opts.ops.split(",")]) : null;
  const ops = operations(world, actors, tokens, cookie, waiting).filter((o) => !picked || picked.has(o.key));
  const [{ n: changeCount }] = (await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from changes`,
  )) as [{ n: number }];

  // The statements each route sends (its caller's token or session resolved, then the service),
  // captured in this process after one call, so that one-off work is not part of them.
  const floors = new Map<string, Statement[]>();
  for (const op of ops) {
    await op.inProcess();
    const statements = await captureSql(db, op.inProcess);
    floors.set(op.key, statements);
    if (opts.sql) for (const st of statements) console.log(`  ${op.key}: ${st.sql.slice(0, 240)}`);
  }
  if (opts.explain) await explainAll(db, floors, path.join(DIR, `plans-${kind}.txt`));
  if (opts["seed-only"]) return closeDb();
  await closeDb(); // the portal opens the database itself (PGlite: one process at a time)

  const runs = { runs: Number(opts.runs), callers: 10, each: Number(opts.each) };
  const env: Record<string, string> = { ...dbEnv, NEXTAUTH_SECRET: SECRET, INTERLOCK_DEMO: "" };
  if (opts["cpu-prof"]) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.resolve(opts["cpu-prof"])}`;
  console.log(`starting the portal on port ${opts.port} (builds first if the sources changed)…`);
  const portal = await startPortal(Number(opts.port), env, path.join(DIR, "portal.log"));
  const rows: Row[] = [];
  let memory;
  try {
    for (const op of ops) {
      const l = load();
      rows.push({
        name: op.name,
        statements: floors.get(op.key)!.length,
        op: await hit(portal.url, op.request, { ...runs, pid: portal.pid }),
        floor: null,
        load: l,
      });
      const m = rows[rows.length - 1]!.op;
      console.log(
        `measured: ${op.name}: p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.perSecond.toFixed(1)}/s, ${m.cpuPerRequest?.toFixed(1)} ms CPU/req (load ${l})`,
      );
    }
    memory = treeMemoryMb(portal.pid);
  } finally {
    await portal.stop();
  }

  const routesFile = path.join(DIR, `floor-${kind}.json`);
  fs.writeFileSync(routesFile, JSON.stringify(Object.fromEntries(floors)));
  const floor = await startFloorServer(routesFile, Number(opts.port) + 1, dbEnv, path.join(DIR, "floor.log"));
  try {
    for (const [i, op] of ops.entries()) {
      if (!op.floor) continue;
      rows[i]!.floor = await hit(floor.url, { path: `/floor/${op.key}` }, { ...runs, pid: floor.pid });
      console.log(`floor: ${op.name}`);
    }
  } finally {
    await floor.stop();
  }
  db = await getDb();
  const verified = await verifyAuditChain(db);
  printReport(rows, { kind, changeCount, runs, memory, verified });
  await closeDb();
}

/** EXPLAIN ANALYZE of every read an operation sends: the plans to a file, the times to the console. */
async function explainAll(db: Db, floors: Map<string, Statement[]>, file: string) {
  const out: string[] = [];
  for (const [key, statements] of floors)
    for (const st of statements) {
      if (!/^[\s(]*(select|with)\b/i.test(st.sql)) continue;
      const plan = await explain(db, st);
      const times = plan.filter((l) => /^(Planning|Execution) Time/.test(l)).join(", ");
      console.log(`  ${key}: ${times}  ${st.sql.slice(0, 110)}`);
      out.push(`-- ${key}\n${st.sql}\n${plan.join("\n")}\n`);
    }
  fs.writeFileSync(file, out.join("\n"));
  console.log(`plans: ${file}`);
}

function printReport(
  rows: Row[],
  r: {
    kind: string;
    changeCount: number;
    runs: { runs: number; callers: number; each: number };
    memory: { rss: number; peak: number } | undefined;
    verified: { ok: boolean; checked: number };
  },
) {
  const f = (n: number | null | undefined) => (n == null ? "—" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  console.log(
    `\n${r.kind}, ${r.changeCount} changes, ${os.cpus().length} cores; ${r.runs.runs} single-caller requests, ${r.runs.callers} callers × ${r.runs.each} requests`,
  );
  console.log(
    "| operation | SQL | p50 ms | p99 ms | 10 callers /s | server CPU ms/req | floor p50 | floor p99 | floor /s | floor CPU ms/req | p50 ratio | /s ratio | load |",
  );
  console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const x of rows)
    console.log(
      `| ${x.name} | ${x.statements} | ${f(x.op.p50)} | ${f(x.op.p99)} | ${f(x.op.perSecond)} | ${f(x.op.cpuPerRequest)} | ${f(x.floor?.p50)} | ${f(x.floor?.p99)} | ${f(x.floor?.perSecond)} | ${f(x.floor?.cpuPerRequest)} | ${x.floor ? (x.op.p50 / Math.max(x.floor.p50, 1)).toFixed(1) : "—"} | ${x.floor ? (x.floor.perSecond / x.op.perSecond).toFixed(1) : "—"} | ${x.load} |`,
    );
  const health = rows[0]!.op.perSecond;
  for (const x of rows.slice(1))
    console.log(`${x.name}: ${((100 * x.op.perSecond) / health).toFixed(0)}% of health's throughput`);
  console.log(
    `chain verifies: ${r.verified.ok} (${r.verified.checked} events); portal memory after the run: rss ${f(r.memory?.rss)} MB, peak ${f(r.memory?.peak)} MB; load now ${load()}`,
  );
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
