// Change list at scale: 200,000 changes (with their change_assets rows) in a fresh database,
// then listChanges timed for the filters people use. Run:
//   npx tsx --conditions=react-server bench/changes-list.ts            (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/changes-list.ts
// Options: --rows N (default 200000), --runs N (default 30), --explain (print query plans),
// --keep (PostgreSQL: keep the benchmark database and print its URL, to experiment with plans).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { and, eq, sql } from "drizzle-orm";
import { closeDb, databaseKind } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { changes, users } from "@/db/schema";
import { changeListQuerySchema, type ChangeListQuery } from "@/lib/schemas/changes";
import { visibleSiteIds } from "@/lib/services/changes/internal/access";
import { SORTS, filterConditions, hasValue, orderBy } from "@/lib/services/changes/internal/list-queries";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { listChanges } from "@/lib/services/changes/list";
import { useTestDatabase, usingPostgres } from "../test/db";
import { rowsOf, seedChanges } from "./fleet-seed";

const { values: opts } = parseArgs({
  options: {
    rows: { type: "string", default: "200000" },
    runs: { type: "string", default: "30" },
    explain: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const ROWS = Number(opts.rows);
const RUNS = Number(opts.runs);
const SITES = 10;
const ASSETS_PER_SITE = 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Wall time, and the CPU time this process spent: on a shared machine the wall time includes
 * waiting for a core, while with PGlite (in-process) the CPU time is what the request costs.
 */
async function time(label: string, actor: Actor, query: ChangeListQuery) {
  let rows = 0;
  for (let i = 0; i < 3; i++) rows = (await listChanges(actor, query)).items.length;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await listChanges(actor, query);
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    label,
    rows,
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    cpu50: percentile(cpu, 50),
    cpu95: percentile(cpu, 95),
  };
}

async function main() {
  const db = await useTestDatabase();
  const kind = await databaseKind();
  console.log(
    `database: ${kind}; ${ROWS} changes over ${SITES} sites; ${RUNS} timed runs per query (after 3 warm-ups)`,
  );
  const w = await seedChanges(db, { sites: SITES, assetsPerSite: ASSETS_PER_SITE, changes: ROWS });
  const page1 = await listChanges(w.corporate, { limit: 50 });
  const from = "2025-06-01T00:00:00Z";
  const to = "2025-06-08T00:00:00Z";
  const cases: [string, Actor, ChangeListQuery][] = [
    ["all visible, newest first (10 sites)", w.corporate, { limit: 50 }],
    ["page 2 via cursor", w.corporate, { limit: 50, cursor: page1.nextCursor ?? undefined }],
    ["site + state (B03, submitted)", w.corporate, { site: w.codes[3], state: "submitted", limit: 50 }],
    [
      "site + open states",
      w.corporate,
      { site: w.codes[3], state: "submitted,approved,in_progress", limit: 50 },
    ],
    ["risk = critical", w.corporate, { risk: "critical", limit: 50 }],
    ["q = common word (firewall)", w.corporate, { q: "firewall", limit: 50 }],
    ["q = rare words (turbine governor)", w.corporate, { q: "turbine governor", limit: 50 }],
    ["q = change number", w.corporate, { q: "CHG-2023-00042", limit: 50 }],
    ["planned slot in a 7-day range", w.corporate, { from, to, limit: 50 }],
    [
      "range + site, by planned start",
      w.corporate,
      { from, to, site: w.codes[3], sort: "plannedStart", dir: "asc", limit: 50 },
    ],
    ["requester", w.corporate, { requester: w.requester.email, limit: 50 }],
    ["one-plant user, newest first", w.plant, { limit: 50 }],
    ["sort by number, ascending", w.corporate, { sort: "number", dir: "asc", limit: 50 }],
    ["sort by planned start, descending", w.corporate, { sort: "plannedStart", dir: "desc", limit: 50 }],
  ];
  const results: Awaited<ReturnType<typeof time>>[] = [];
  for (const [label, actor, q] of cases) results.push(await time(label, actor, q));
  console.log(
    `\n| query | rows | wall p50 / p95 ms | ${kind === "pglite" ? "CPU" : "client CPU"} p50 / p95 ms |\n|---|---:|---:|---:|`,
  );
  const f = (n: number) => n.toFixed(1);
  for (const r of results)
    console.log(`| ${r.label} | ${r.rows} | ${f(r.p50)} / ${f(r.p95)} | ${f(r.cpu50)} / ${f(r.cpu95)} |`);

  // Not the list, but read from the same table at the same scale: worth knowing.
  for (const [label, run] of [
    ["approvalsInbox, operations approver of one plant", () => approvalsInbox(w.plant)],
    ["changeDashboard, corporate (10 sites)", () => changeDashboard(w.corporate)],
  ] as const) {
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const out = await run();
      if (i > 0) samples.push(performance.now() - t);
      size = Array.isArray(out) ? out.length : out.sites.length;
    }
    samples.sort((a, b) => a - b);
    console.log(
      `${label}: ${size} items, p50 ${percentile(samples, 50).toFixed(0)} ms, max ${samples.at(-1)!.toFixed(0)} ms`,
    );
  }

  if (opts.explain) {
    // The plans of the list's main query for some of the cases above, built from the same helpers.
    for (const [label, actor, q] of cases.filter(([l]) => /range|q = |site \+|newest first \(10/.test(l))) {
      const f = changeListQuerySchema.parse(q);
      const conds = (await filterConditions(db, visibleSiteIds(actor), f)) ?? [];
      const spec = SORTS[f.sort];
      const query = db
        .select({ id: changes.id })
        .from(changes)
        .innerJoin(users, eq(users.id, changes.requesterId))
        .where(and(...conds, hasValue(spec)))
        .orderBy(...orderBy(spec, f.dir, Boolean(f.from || f.to)))
        .limit(f.limit + 1);
      const plan = await rowsOf<Record<string, string>>(db, sql`explain analyze ${query}`);
      console.log(`\n-- ${label}\n${plan.map((r) => Object.values(r)[0]).join("\n")}`);
    }
  }

  if (usingPostgres() && opts.keep) {
    console.log(`\nkept: ${process.env.DATABASE_URL}`);
    await closeDb();
  } else if (usingPostgres()) {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    await closeDb();
    const admin = postgres(process.env.INTERLOCK_TEST_SERVER_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.end();
  } else {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
