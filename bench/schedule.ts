// Scheduling benchmark: a site with five years of weekly windows, 500 production runs and
// 10,000 scheduled changes. Measures (1) conflicts for one proposed slot, loaded from the
// database and judged (expansion included), (2) the pure part alone, and (3) calendarData
// for a month. Run: npx tsx --conditions=react-server bench/schedule.ts
// Uses an in-memory PGlite, or a fresh database on the server in DATABASE_URL.
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { closeDb } from "@/db/client";
import { assets, changeAssets, changes, productionRuns, windows } from "@/db/schema";
import { actorFromSession, cliActor } from "@/lib/auth/resolve";
import type { ChangeState, RunCriticality, RunKind } from "@/lib/domain/constants";
import { detectConflicts, expandWindows, utcToLocal } from "@/lib/domain/schedule";
import { signIn } from "@/lib/services/auth/sign-in";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import { scheduleFindingsForChange } from "@/lib/services/schedule/conflicts-for-change";
import { createWindow } from "@/lib/services/schedule/create-window";
import { loadScheduleFacts } from "@/lib/services/schedule/schedule-facts";
import { checkedBounds, loadWindowsOverlapping, windowDef } from "@/lib/services/schedule/window-model";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { createUser } from "@/lib/services/users/create-user";
import { useTestDatabase } from "@/test/db";
import { captureSql } from "./measure";
import { profiled } from "./profile";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.UTC(2022, 0, 2, 7); // Sun 2 Jan 2022 01:00 CST
const YEARS = 5;
const RUNS = 500;
const CHANGES = 10_000;
const ASSETS = 400;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 60);

/** Deterministic pseudo-random numbers, so every run measures the same data. */
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

async function seedSite() {
  const db = await useTestDatabase();
  const admin = cliActor();
  const site = await createSite(admin, { code: "BEN", name: "Bench plant", timeZone: "America/Chicago" });
  const areaIds: string[] = [];
  for (const code of ["U1", "U2", "U3", "U4", "U5", "U6"])
    areaIds.push((await createArea(admin, "BEN", { code, name: `Unit ${code}` })).id);
  const password = "bench-password-2026!";
  const user = await createUser(admin, {
    email: "bench@example.test",
    name: "Bench",
    password,
    grants: [
      { siteCode: "BEN", role: "change_manager" },
      { siteCode: "BEN", role: "requester" },
    ],
  });
  const session = await signIn(
    { email: "bench@example.test", password },
    { ip: "127.0.0.1", userAgent: "bench" },
  );
  const actor = (await actorFromSession(session.sessionId, "127.0.0.1"))!;

  // Windows: one weekly series running the whole five years, one one-off window for every
  // Wednesday of those years (260 rows), and a blackout per quarter.
  await createWindow(actor, {
    site: "BEN",
    kind: "maintenance",
    title: "Sunday window",
    start: "2022-01-02T01:00",
    durationMinutes: 300,
    rrule: "FREQ=WEEKLY;BYDAY=SU",
  });
  // The one-offs go in as rows (through the same bounds derivation the services use): 280
  // audited service calls would only make seeding slow, not the measured reads different.
  const oneOffs = [
    ...Array.from({ length: YEARS * 52 }, (_, week) => ({
      kind: "maintenance" as const,
      title: `Wednesday ${week}`,
      areaIds: [pick(areaIds.slice(0, 3))],
      at: START + 3 * DAY + week * 7 * DAY,
      minutes: 240,
    })),
    ...Array.from({ length: YEARS * 4 }, (_, q) => ({
      kind: "blackout" as const,
      title: `Freeze Q${q}`,
      areaIds: [pick(areaIds.slice(3, 5))],
      at: START + q * 91 * DAY + 40 * DAY,
      minutes: 3 * 24 * 60,
    })),
  ].map((w) => {
    const local = utcToLocal(new Date(w.at), "America/Chicago").local.slice(0, 16);
    const values = {
      siteId: site.id,
      kind: w.kind,
      title: w.title,
      areaIds: w.areaIds,
      localStart: local,
      durationMinutes: w.minutes,
      rrule: null,
      untilLocal: null,
      exdatesLocal: [] as string[],
    };
    return { ...values, ...checkedBounds(windowDef({ id: "new", ...values }, "America/Chicago")) };
  });
  await db.insert(windows).values(oneOffs);

  const assetRows = await db
    .insert(assets)
    .values(
      Array.from({ length: ASSETS }, (_, i) => ({
        siteId: site.id,
        areaId: areaIds[i % areaIds.length]!,
        tag: `PLC-${String(i).padStart(4, "0")}`,
        name: `Controller ${i}`,
        kind: "plc" as const,
        criticality: "production_critical" as const,
        redundancyGroup: i < 200 ? `PAIR-${Math.floor(i / 2)}` : null,
      })),
    )
    .returning({ id: assets.id, areaId: assets.areaId });

  const kinds: RunKind[] = ["run", "campaign", "batch", "turnaround"];
  const crit: RunCriticality[] = ["critical", "normal", "low"];
  const span = YEARS * 365 * DAY;
  await db.insert(productionRuns).values(
    Array.from({ length: RUNS }, (_, i) => {
      const start = START + Math.floor((rand() * span) / HOUR) * HOUR;
      return {
        siteId: site.id,
        areaId: pick(areaIds),
        title: `Run ${i}`,
        kind: pick(kinds),
        criticality: pick(crit),
        start: new Date(start),
        end: new Date(start + (6 + Math.floor(rand() * 72)) * HOUR),
      };
    }),
  );

  const states: ChangeState[] = [
    "submitted",
    "approved",
    "approved",
    "in_progress",
    "closed",
    "closed",
    "implemented",
    "cancelled",
    "draft",
  ];
  for (let batch = 0; batch < CHANGES / 1000; batch++) {
    const rows = Array.from({ length: 1000 }, (_, j) => {
      const i = batch * 1000 + j;
      const start = START + Math.floor((rand() * span) / (15 * 60_000)) * 15 * 60_000;
      return {
        number: `CHG-BENCH-${String(i).padStart(5, "0")}`,
        type: "security_patch" as const,
        class: "normal" as const,
        title: `Bench change ${i}`,
        state: pick(states),
        requesterId: user.id,
        plannedStart: new Date(start),
        plannedEnd: new Date(start + (1 + Math.floor(rand() * 4)) * HOUR),
        expectedDowntimeMinutes: rand() < 0.3 ? 30 : 0,
        siteIds: [site.id],
      };
    });
    const saved = await db.insert(changes).values(rows).returning({ id: changes.id });
    const links = saved.flatMap((c) => {
      const chosen = new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(assetRows).id));
      return [...chosen].map((assetId) => ({ changeId: c.id, assetId, siteId: site.id }));
    });
    await db.insert(changeAssets).values(links);
  }
  // PostgreSQL's autovacuum would have analysed tables this size long ago; PGlite has no
  // autovacuum, so without this the planner guesses and scans change_assets whole.
  await db.execute(sql`analyze`);
  return { db, actor, assetIds: assetRows.map((a) => a.id) };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

/**
 * Wall time, and the CPU time this process spent (user + system). On a machine shared with
 * other work the wall time includes waiting for a core; with PGlite the database runs in
 * this process, so the CPU time is what the request itself costs.
 */
async function measure(name: string, target: number, run: () => Promise<unknown> | unknown) {
  for (let i = 0; i < 5; i++) await run();
  await profiled(name.replace(/[^a-z0-9]+/gi, "-"), async () => {
    for (let i = 0; i < ITERATIONS; i++) await run();
  });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const w = stats(wall);
  const u = stats(cpu);
  const f = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `${name.padEnd(50)} wall p50 ${f(w.p50)} p95 ${f(w.p95)} ms | cpu p50 ${f(u.p50)} p95 ${f(u.p95)} ms | target < ${target} ms`,
  );
  return { wall: w, cpu: u };
}

async function main() {
  const t0 = performance.now();
  const { db, actor, assetIds } = await seedSite();
  const counts = {
    windows: (await db.select({ id: windows.id }).from(windows)).length,
    runs: (await db.select({ id: productionRuns.id }).from(productionRuns)).length,
    changes: (await db.select({ id: changes.id }).from(changes)).length,
  };
  console.log(
    `Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${counts.windows} window rows (one weekly series over 5 years, 260 one-offs, 20 blackouts), ${counts.runs} production runs, ${counts.changes} changes, ${ASSETS} assets`,
  );
  console.log(
    `Database: ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}; ${ITERATIONS} timed iterations after 5 warm-ups\n`,
  );

  // March 2026 holds the US DST change; the proposed slot is inside the Sunday window.
  const slot = { start: new Date("2026-03-15T07:00:00Z"), end: new Date("2026-03-15T09:00:00Z") };
  const proposal = {
    id: null,
    plannedStart: slot.start,
    plannedEnd: slot.end,
    expectedDowntimeMinutes: 30,
    productionImpact: "none" as const,
    assetIds: [assetIds[0]!, assetIds[250]!],
  };
  if (process.env.BENCH_SQL) {
    const month0 = { site: "BEN", from: "2026-03-01T00:00", to: "2026-04-01T00:00" };
    for (const [name, op] of [
      ["conflicts for one slot", () => scheduleFindingsForChange(db, proposal, slot.start)],
      ["calendarData, month", () => calendarData(actor, month0)],
    ] as const) {
      const statements = await captureSql(db, op);
      console.log(`${name}: ${statements.length} statements`);
      for (const st of statements) console.log(`  ${st.sql.slice(0, 300)}`);
    }
  }
  await measure("conflicts for one slot (load + expand + detect)", 50, () =>
    scheduleFindingsForChange(db, proposal, slot.start),
  );

  const month = { from: new Date("2026-03-01T06:00:00Z"), to: new Date("2026-04-01T05:00:00Z") };
  const facts = await loadScheduleFacts(db, {
    changeId: null,
    assetIds: proposal.assetIds,
    from: month.from,
    to: month.to,
  });
  const rows = await loadWindowsOverlapping(
    db,
    eq(windows.siteId, facts.assetRows[0]!.siteId),
    month.from,
    month.to,
  );
  const defs = rows.map((r) => windowDef(r, "America/Chicago"));
  await measure(`pure: expand the month's ${defs.length} windows + detect`, 50, () => {
    const occurrences = expandWindows(defs, month.from, month.to);
    return detectConflicts({ ...facts, occurrences, needsDowntime: true, slot });
  });

  const result = await calendarData(actor, { site: "BEN", from: "2026-03-01T00:00", to: "2026-04-01T00:00" });
  console.log(
    `\ncalendarData for March 2026: ${result.occurrences.length} occurrences, ${result.productionRuns.length} runs, ${result.changes.length} changes, ${result.changes.reduce((n, c) => n + c.conflicts.length, 0)} conflicts`,
  );
  await measure("calendarData, one month", 200, () =>
    calendarData(actor, { site: "BEN", from: "2026-03-01T00:00", to: "2026-04-01T00:00" }),
  );
  await measure("calendarData, one week", 200, () =>
    calendarData(actor, { site: "BEN", from: "2026-03-08T00:00", to: "2026-03-15T00:00" }),
  );
  console.log(
    `\nload average while measuring: ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} on ${(await import("node:os")).availableParallelism()} cores`,
  );
  await closeDb();
}

main().catch(async (e) => {
  console.error(e);
  await closeDb();
  process.exit(1);
});
