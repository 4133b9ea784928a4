// The demo seed's time (issue 12: under 20 s on the project machine), phase by phase: wall time, the
// process's CPU time and the SQL statements each phase sent, on a fresh database. Run:
//   npx tsx --conditions=react-server bench/demo-seed.ts            (embedded PGlite, .bench-data/seed)
//   DATABASE_URL=postgres://…/postgres npx tsx … bench/demo-seed.ts  (database interlock_seed_bench)
//   … -- --top 30   (also the 30 statements sent most often)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";
import { seedDemo } from "@/lib/seed/demo";
import { verifyAuditChain } from "@/lib/audit/verify-chain";

const NOW = new Date("2026-12-02T15:00:00Z");
/** --top N: also print the N statements sent most often. */
const top = Number(process.argv[process.argv.indexOf("--top") + 1] ?? 0) || 0;

async function freshDatabase(): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = path.resolve(".bench-data", "seed");
    fs.rmSync(dir, { recursive: true, force: true });
    process.env.INTERLOCK_DATA_DIR = dir;
    return "PGlite";
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists interlock_seed_bench with (force)");
  await admin.unsafe("create database interlock_seed_bench");
  await admin.end();
  const target = new URL(url);
  target.pathname = "/interlock_seed_bench";
  process.env.DATABASE_URL = target.toString();
  return "PostgreSQL";
}

interface Phase {
  name: string;
  wall: number;
  cpu: number;
  statements: number;
}
const phases: Phase[] = [];
let statements = 0;
let mark = { name: "", wall: 0, cpu: 0, statements: 0 };
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function phase(name: string) {
  const now = { name, wall: performance.now(), cpu: cpuMs(), statements };
  if (mark.name)
    phases.push({
      name: mark.name,
      wall: now.wall - mark.wall,
      cpu: now.cpu - mark.cpu,
      statements: now.statements - mark.statements,
    });
  mark = now;
}

async function main() {
  const kind = await freshDatabase();
  const load = os.loadavg()[0]!.toFixed(1);
  phase("open and migrate");
  const db = await getDb();
  // Count every statement the seed sends (transactions make their sessions from these options).
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  const texts = new Map<string, number>();
  const counter = {
    logQuery: (sql: string) => {
      statements++;
      if (top) texts.set(sql, (texts.get(sql) ?? 0) + 1);
    },
  };
  session.logger = counter;
  session.options.logger = counter;
  const result = await seedDemo({ now: NOW, onPhase: phase });
  phase("done");
  const verified = await verifyAuditChain(db, {});
  await closeDb();

  const total = phases.reduce((t, p) => ({ wall: t.wall + p.wall, cpu: t.cpu + p.cpu }), { wall: 0, cpu: 0 });
  console.log(`Demo seed on ${kind}, ${result.changes} changes, load ${load} at the start\n`);
  console.log("| phase | wall s | CPU s | SQL statements |\n| --- | ---: | ---: | ---: |");
  for (const p of phases)
    console.log(
      `| ${p.name} | ${(p.wall / 1000).toFixed(1)} | ${(p.cpu / 1000).toFixed(1)} | ${p.statements} |`,
    );
  console.log(
    `| total | ${(total.wall / 1000).toFixed(1)} | ${(total.cpu / 1000).toFixed(1)} | ${statements} |`,
  );
  if (top) {
    console.log(`\nthe ${top} most frequent statements:`);
    for (const [sql, n] of [...texts].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${String(n).padStart(5)}  ${sql.replace(/\s+/g, " ").slice(0, 220)}`);
  }
  console.log(`\nchain verifies: ${JSON.stringify(verified).slice(0, 120)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
