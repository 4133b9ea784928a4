// Notifications at scale (issue 13): what queueing an event adds to the request that causes it,
// and how long 10,000 due reminders take from the scheduler's pass to the last notification.
// Run:
//   npx tsx --conditions=react-server bench/notifications.ts                 (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/notifications.ts
// Targets: enqueueing adds < 2 ms; 10,000 due reminders processed in < 60 s.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { count, eq } from "drizzle-orm";
import { closeDb, databaseKind } from "@/db/client";
import { assets, changeAssets, changes, jobs, notifications } from "@/db/schema";
import { runScheduler } from "@/lib/jobs/scheduler";
import { runDueJobs } from "@/lib/jobs/worker";
import { DUE_FINDERS, JOB_HANDLERS } from "@/lib/jobs/handlers";
import { createWindow } from "@/lib/services/schedule/create-window";
import { enqueueChangeEvent } from "@/lib/services/notifications/enqueue-change-event";
import { useTestDatabase } from "../test/db";
import { captureSql } from "./measure";
import { profiled } from "./profile";
import { makeSite, makeUser } from "../test/fixtures";

const { values: opts } = parseArgs({
  options: {
    reminders: { type: "string", default: "10000" },
    runs: { type: "string", default: "300" },
    statements: { type: "boolean", default: false },
  },
});
const N = Number(opts.reminders);
const RUNS = Number(opts.runs);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const HOUR = 3_600_000;

/** Sites the reminders are spread over; each has its own implementer, approvers and window. */
const SITES = 10;

async function main() {
  const db = await useTestDatabase();
  const kind = await databaseKind();
  const start0 = Date.now();
  // N approved changes, each on an asset of its own, over SITES plants, whose slots open
  // within the next 24 hours: every one is a due slot reminder with its gate answer and .ics.
  const perSite = Math.ceil(N / SITES);
  let requester: Awaited<ReturnType<typeof makeUser>> | null = null;
  for (let s = 0; s < SITES; s++) {
    const code = `BE${s}`;
    const site = await makeSite(code, s % 2 ? "Europe/Berlin" : "America/Chicago");
    const req = await makeUser([`${code}:requester`]);
    requester ??= req;
    const implementer = await makeUser([`${code}:requester`]);
    await makeUser([`${code}:operations`]);
    await makeUser([`${code}:security`]);
    const manager = await makeUser([`${code}:change_manager`]);
    await createWindow(manager.actor, {
      site: code,
      kind: "maintenance",
      title: "Bench window",
      start: new Date(Math.floor(start0 / 60_000) * 60_000 + 2 * HOUR).toISOString(),
      durationMinutes: 12 * 60,
    });
    const count = Math.min(perSite, N - s * perSite);
    for (let i = 0; i < count; i += 1000) {
      const k = Math.min(1000, count - i);
      const assetRows = await db
        .insert(assets)
        .values(
          Array.from({ length: k }, (_, j) => ({
            siteId: site.id,
            areaId: site.areas[0]!.id,
            tag: `PLC-${code}-${i + j}`,
            name: "Bench PLC",
            kind: "plc" as const,
            criticality: "supporting" as const,
          })),
        )
        .returning({ id: assets.id });
      const rows = await db
        .insert(changes)
        .values(
          assetRows.map((_, j) => {
            // Slots spread over the next 23 hours, two hours each.
            const plannedStart = new Date(start0 + HOUR + (((i + j) * 997) % (22 * 60)) * 60_000);
            return {
              state: "approved" as const,
              type: "security_patch" as const,
              class: "normal" as const,
              title: "Bench patch",
              number: `${code}-${i + j}`,
              requesterId: req.id,
              implementerId: implementer.id,
              plannedStart,
              plannedEnd: new Date(plannedStart.getTime() + 2 * HOUR),
              siteIds: [site.id],
              approvalRound: 1,
              approvedAt: new Date(start0),
            };
          }),
        )
        .returning({ id: changes.id });
      await db
        .insert(changeAssets)
        .values(rows.map((r, j) => ({ changeId: r.id, assetId: assetRows[j]!.id, siteId: site.id })));
    }
  }
  const [one] = await db.select().from(changes).limit(1);

  // 1. Enqueue inside a transaction, as writeTransition does: the insert alone is timed.
  const enqueueMs: number[] = [];
  for (let i = 0; i < RUNS + 20; i++) {
    await db.transaction(async (tx) => {
      const t = performance.now();
      await enqueueChangeEvent(tx, "change.start", one!, { actorId: requester!.id, now: new Date() });
      if (i >= 20) enqueueMs.push(performance.now() - t);
    });
  }
  await db.delete(jobs).where(eq(jobs.kind, "notify.change_event"));

  console.log(
    `seeded ${N} approved changes over ${SITES} sites; load average ${os.loadavg()[0]!.toFixed(1)} before the pass`,
  );
  // 2. The scheduler finds the due slot reminders; the worker (as the poller) sends them all.
  const t0 = performance.now();
  const pass = await runScheduler(db, DUE_FINDERS, new Date());
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  let batches = 0;
  const statements = await profiled("notifications-worker", () =>
    captureSql(db, async () => {
      for (;;) {
        const s = await runDueJobs(db, JOB_HANDLERS, { worker: "bench", limit: 100 });
        batches++;
        if (s.claimed === 0) break;
      }
    }),
  );
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const [made] = await db
    .select({ n: count() })
    .from(notifications)
    .where(eq(notifications.kind, "slot_opening"));
  const load = os.loadavg().map((x) => x.toFixed(1));
  console.log(`database: ${kind}; load average ${load.join(" ")} (1, 5, 15 min) at the end`);
  console.log(
    `enqueue in the causing transaction (${RUNS} runs): p50 ${pct(enqueueMs, 0.5).toFixed(2)} ms, p95 ${pct(enqueueMs, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `${N} due reminders: scheduler pass ${((t1 - t0) / 1000).toFixed(1)} s (${pass.enqueued} queued), worker ${((t2 - t1) / 1000).toFixed(1)} s in ${batches} batches; ${made?.n ?? 0} notifications (+ mail with .ics); total ${((t2 - t0) / 1000).toFixed(1)} s, ${((t2 - t0) / N).toFixed(1)} ms each`,
  );
  console.log(
    `the worker sent ${statements.length} SQL statements, ${(statements.length / N).toFixed(1)} per reminder; this process's CPU ${(cpuMs / 1000).toFixed(1)} s, ${(cpuMs / N).toFixed(1)} ms per reminder${kind === "pglite" ? " (the embedded database included)" : " (the server's own CPU not included)"}`,
  );
  if (opts.statements) {
    const shapes = new Map<string, number>();
    for (const st of statements) {
      const k = st.sql.replace(/\$\d+/g, "?").slice(0, 140);
      shapes.set(k, (shapes.get(k) ?? 0) + 1);
    }
    for (const [k, n] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(String(n).padStart(7), k);
  }
  await closeDb();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
