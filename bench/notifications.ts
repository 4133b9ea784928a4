// Notifications at scale (issue 13): what queueing an event adds to the request that causes it,
// and how long 10,000 due reminders take from the scheduler's pass to the last notification.
// Run:
//   npx tsx --conditions=react-server bench/notifications.ts                 (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/notifications.ts
// Targets: enqueueing adds < 2 ms; 10,000 due reminders processed in < 60 s.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { count, eq } from "drizzle-orm";
import { closeDb, databaseKind } from "@/db/client";
import { changeAssets, changes, jobs, notifications } from "@/db/schema";
import { runScheduler } from "@/lib/jobs/scheduler";
import { runDueJobs } from "@/lib/jobs/worker";
import { DUE_FINDERS, JOB_HANDLERS } from "@/lib/jobs/handlers";
import { createAsset } from "@/lib/services/assets/create";
import { enqueueChangeEvent } from "@/lib/services/notifications/enqueue-change-event";
import { useTestDatabase } from "../test/db";
import { makeSite, makeUser } from "../test/fixtures";

const { values: opts } = parseArgs({
  options: { reminders: { type: "string", default: "10000" }, runs: { type: "string", default: "300" } },
});
const N = Number(opts.reminders);
const RUNS = Number(opts.runs);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
const HOUR = 3_600_000;

async function main() {
  const db = await useTestDatabase();
  const kind = await databaseKind();
  const site = await makeSite("BEN");
  const requester = await makeUser(["BEN:requester"]);
  const implementer = await makeUser(["BEN:requester"]);
  await makeUser(["BEN:operations"]);
  await makeUser(["BEN:security"]);
  const asset = await createAsset(requester.actor, {
    siteCode: "BEN",
    areaCode: "U1",
    tag: "PLC-BEN-1",
    name: "Bench PLC",
    kind: "plc",
    criticality: "supporting",
  });
  const start = new Date(Date.now() + 10 * HOUR);
  const base = {
    state: "approved" as const,
    type: "security_patch" as const,
    class: "normal" as const,
    title: "Bench patch",
    requesterId: requester.id,
    implementerId: implementer.id,
    plannedStart: start,
    plannedEnd: new Date(start.getTime() + 2 * HOUR),
    siteIds: [site.id],
    approvalRound: 1,
    approvedAt: new Date(),
  };
  for (let i = 0; i < N; i += 1000) {
    const rows = await db
      .insert(changes)
      .values(Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({ ...base, number: `BEN-${i + k}` })))
      .returning({ id: changes.id });
    await db
      .insert(changeAssets)
      .values(rows.map((r) => ({ changeId: r.id, assetId: asset.id, siteId: site.id })));
  }
  const [one] = await db.select().from(changes).limit(1);

  // 1. Enqueue inside a transaction, as writeTransition does: the insert alone is timed.
  const enqueueMs: number[] = [];
  for (let i = 0; i < RUNS + 20; i++) {
    await db.transaction(async (tx) => {
      const t = performance.now();
      await enqueueChangeEvent(tx, "change.start", one!, { actorId: requester.id, now: new Date() });
      if (i >= 20) enqueueMs.push(performance.now() - t);
    });
  }
  await db.delete(jobs).where(eq(jobs.kind, "notify.change_event"));

  // 2. The scheduler finds the due slot reminders; the worker (as the poller) sends them all.
  const t0 = performance.now();
  const pass = await runScheduler(db, DUE_FINDERS, new Date());
  const t1 = performance.now();
  let batches = 0;
  for (;;) {
    const s = await runDueJobs(db, JOB_HANDLERS, { worker: "bench", limit: 100 });
    batches++;
    if (s.claimed === 0) break;
  }
  const t2 = performance.now();
  const [made] = await db
    .select({ n: count() })
    .from(notifications)
    .where(eq(notifications.kind, "slot_opening"));
  console.log(`database: ${kind}`);
  console.log(
    `enqueue in the causing transaction (${RUNS} runs): p50 ${pct(enqueueMs, 0.5).toFixed(2)} ms, p95 ${pct(enqueueMs, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `${N} due reminders: scheduler pass ${((t1 - t0) / 1000).toFixed(1)} s (${pass.enqueued} queued), worker ${((t2 - t1) / 1000).toFixed(1)} s in ${batches} batches; ${made?.n ?? 0} notifications (+ mail with .ics); total ${((t2 - t0) / 1000).toFixed(1)} s`,
  );
  await closeDb();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
