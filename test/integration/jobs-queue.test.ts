import { eq, like, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { LEASE_MS, claimJobs, enqueue } from "@/lib/jobs/queue";
import { runScheduler } from "@/lib/jobs/scheduler";
import { PermanentJobError, runDueJobs, type JobHandler } from "@/lib/jobs/worker";
import { useTestDatabase, usingPostgres } from "../db";

let db: Db;
beforeAll(async () => {
  db = await useTestDatabase();
}, 180_000);
beforeEach(async () => {
  await db.delete(jobs).where(sql`true`);
});

const T0 = new Date("2027-03-14T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("job queue", () => {
  it("an idempotency key admits one job however often it is enqueued", async () => {
    const job = { kind: "t", payload: {}, idempotencyKey: "reminder:x:2027-03-14", runAt: T0 };
    expect(await enqueue(db, job)).toBe(1);
    expect(await enqueue(db, [job, job])).toBe(0);
    expect(await db.select().from(jobs)).toHaveLength(1);
  });

  it("a job enqueued in a transaction that rolls back is never queued", async () => {
    await db
      .transaction(async (tx) => {
        await enqueue(tx, { kind: "t", payload: {}, runAt: T0 });
        throw new Error("cause failed");
      })
      .catch(() => {});
    expect(await db.select().from(jobs)).toHaveLength(0);
  });

  it("two pollers running at once handle every job exactly once", async () => {
    await enqueue(
      db,
      Array.from({ length: 120 }, (_, i) => ({ kind: "t", payload: { i }, runAt: T0 })),
    );
    const seen = new Map<number, string[]>();
    const handler: JobHandler = async (job, ctx) => {
      seen.set(job.payload.i as number, [...(seen.get(job.payload.i as number) ?? []), ctx.worker]);
      await new Promise((r) => setTimeout(r, 1));
    };
    const drain = async (worker: string) => {
      let total = 0;
      for (;;) {
        const s = await runDueJobs(db, { t: handler }, { worker, now: at(1000), limit: 7 });
        if (s.claimed === 0) return total;
        total += s.done;
      }
    };
    const [a, b] = await Promise.all([drain("A"), drain("B")]);
    expect(a + b).toBe(120);
    expect(seen.size).toBe(120);
    expect([...seen.values()].every((w) => w.length === 1)).toBe(true);
    const states = await db.select({ state: jobs.state }).from(jobs);
    expect(states.every((s) => s.state === "done")).toBe(true);
  });

  // PostgreSQL only: PGlite has one connection per process, so there is no second claimer to race.
  it.runIf(usingPostgres())("claims on two PostgreSQL connections at once are disjoint", async () => {
    await enqueue(
      db,
      Array.from({ length: 200 }, (_, i) => ({ kind: "t", payload: { i }, runAt: T0 })),
    );
    // Both claims run inside open transactions at the same time, so the second must skip the
    // rows the first holds locked rather than wait for them or take them too.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstIds: number[] = [];
    const first = db.transaction(async (tx) => {
      firstIds = (await claimJobs(tx, "A", at(1000), 120)).map((j) => j.id);
      await held;
    });
    while (firstIds.length === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await db.transaction(async (tx) =>
      (await claimJobs(tx, "B", at(1000), 120)).map((j) => j.id),
    );
    release();
    await first;
    expect(firstIds).toHaveLength(120);
    expect(second).toHaveLength(80);
    expect(second.filter((id) => firstIds.includes(id))).toEqual([]);
  });

  it("a failing job is retried with back-off, then dead-lettered with its last error", async () => {
    await enqueue(db, { kind: "flaky", payload: {}, runAt: T0, maxAttempts: 3 });
    let calls = 0;
    const handlers = {
      flaky: async () => {
        calls++;
        throw new Error(`receiver answered 500 (try ${calls})`);
      },
    };
    const run = (ms: number) => runDueJobs(db, handlers, { worker: "W", now: at(ms) });
    expect(await run(0)).toMatchObject({ claimed: 1, retried: 1 });
    let [job] = await db.select().from(jobs);
    expect(job!.state).toBe("queued");
    expect(job!.runAt.toISOString()).toBe(at(15_000).toISOString());
    expect(await run(14_999)).toMatchObject({ claimed: 0 });
    expect(await run(15_000)).toMatchObject({ claimed: 1, retried: 1 });
    [job] = await db.select().from(jobs);
    expect(job!.runAt.toISOString()).toBe(at(15_000 + 30_000).toISOString());
    expect(await run(45_000)).toMatchObject({ claimed: 1, dead: 1 });
    [job] = await db.select().from(jobs);
    expect(job).toMatchObject({ state: "dead", attempts: 3, lastError: "receiver answered 500 (try 3)" });
    expect(await run(10 * 3_600_000)).toMatchObject({ claimed: 0 });
    expect(calls).toBe(3);
  });

  it("a permanent failure and an unknown kind go straight to the dead letters", async () => {
    await enqueue(db, [
      { kind: "gone", payload: {}, runAt: T0 },
      { kind: "nobody-handles-this", payload: {}, runAt: T0 },
    ]);
    const s = await runDueJobs(
      db,
      {
        gone: async () => {
          throw new PermanentJobError("endpoint removed");
        },
      },
      { worker: "W", now: T0 },
    );
    expect(s).toMatchObject({ claimed: 2, dead: 2 });
    const rows = await db.select().from(jobs).orderBy(jobs.id);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ["dead", 1],
      ["dead", 1],
    ]);
  });

  it("a handler's batch takes the jobs of its kind together; if it throws, each runs alone and only the bad one fails", async () => {
    await enqueue(
      db,
      Array.from({ length: 5 }, (_, i) => ({ kind: "b", payload: { i }, runAt: T0 })),
    );
    const batches: number[][] = [];
    const alone: number[] = [];
    const handler: JobHandler = async (job) => {
      alone.push(job.payload.i as number);
      if (job.payload.i === 3) throw new Error("bad payload");
    };
    handler.many = async (list) => {
      batches.push(list.map((j) => j.payload.i as number));
      return true;
    };
    expect(await runDueJobs(db, { b: handler }, { worker: "W", now: T0 })).toMatchObject({
      claimed: 5,
      done: 5,
    });
    expect(batches).toEqual([[0, 1, 2, 3, 4]]);
    expect(alone).toEqual([]);
    expect((await db.select().from(jobs)).every((j) => j.state === "done")).toBe(true);

    await db.delete(jobs).where(sql`true`);
    await enqueue(
      db,
      Array.from({ length: 5 }, (_, i) => ({ kind: "b", payload: { i }, runAt: T0 })),
    );
    handler.many = async () => {
      throw new Error("one of them is bad");
    };
    expect(await runDueJobs(db, { b: handler }, { worker: "W", now: T0 })).toMatchObject({
      claimed: 5,
      done: 4,
      retried: 1,
    });
    expect(alone.sort()).toEqual([0, 1, 2, 3, 4]);
    const bad = (await db.select().from(jobs)).filter((j) => j.state !== "done");
    expect(bad.map((j) => [j.payload.i, j.state, j.lastError])).toEqual([[3, "queued", "bad payload"]]);
  });

  it("a job claimed by an instance that died is claimed again once its lease runs out", async () => {
    await enqueue(db, { kind: "t", payload: {}, runAt: T0 });
    expect(await claimJobs(db, "dead-instance", T0)).toHaveLength(1);
    expect(await claimJobs(db, "B", at(LEASE_MS - 1))).toHaveLength(0);
    const again = await claimJobs(db, "B", at(LEASE_MS + 1));
    expect(again.map((j) => [j.lockedBy, j.attempts])).toEqual([["B", 2]]);
  });
});

describe("scheduler", () => {
  const finder = async (_tx: unknown, now: Date) => [
    { kind: "reminder", payload: {}, idempotencyKey: `r:c1:${now.toISOString().slice(0, 10)}`, runAt: now },
  ];

  it("running the scheduler twice queues the reminder once", async () => {
    expect(await runScheduler(db, [finder], T0)).toEqual({ leader: true, enqueued: 1 });
    expect(await runScheduler(db, [finder], at(60_000))).toEqual({ leader: true, enqueued: 0 });
    expect(await db.select().from(jobs).where(like(jobs.idempotencyKey, "r:c1:%"))).toHaveLength(1);
  });

  // PostgreSQL only: PGlite admits one process, which is always the leader (the advisory lock is
  // PostgreSQL's; the embedded database's folder lock already keeps a second instance out).
  it.runIf(usingPostgres())("only the instance holding the leader lock scans", async () => {
    let inner: Awaited<ReturnType<typeof runScheduler>> | undefined;
    await runScheduler(
      db,
      [
        async (tx, now) => {
          void tx;
          inner = await runScheduler(db, [finder], now);
          return [];
        },
      ],
      T0,
    );
    expect(inner).toEqual({ leader: false, enqueued: 0 });
    expect(await db.select().from(jobs).where(eq(jobs.kind, "reminder"))).toHaveLength(0);
  });
});
