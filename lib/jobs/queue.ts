import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { jobs } from "@/db/schema";
import { afterFailure } from "@/lib/domain/jobs/backoff";

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueInput {
  kind: string;
  payload: Record<string, unknown>;
  /** A second enqueue with the same key does nothing (however many instances try). */
  idempotencyKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/** A running job whose worker has not finished within this long is taken to be lost and claimed again. */
export const LEASE_MS = 5 * 60_000;

/**
 * Adds jobs inside the caller's transaction, so an event is queued exactly when its cause
 * commits. One insert, no delivery: the request never waits on mail or webhooks.
 * Returns how many rows were new (idempotency keys already present are skipped).
 */
export async function enqueue(ex: Executor, input: EnqueueInput | readonly EnqueueInput[]): Promise<number> {
  const list = Array.isArray(input) ? input : [input as EnqueueInput];
  if (list.length === 0) return 0;
  const now = new Date();
  const rows = await ex
    .insert(jobs)
    .values(
      list.map((j) => ({
        kind: j.kind,
        payload: j.payload,
        idempotencyKey: j.idempotencyKey ?? null,
        runAt: j.runAt ?? now,
        maxAttempts: j.maxAttempts ?? 8,
      })),
    )
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id });
  return rows.length;
}

// Raw SQL parameters are passed as ISO text: postgres.js does not bind a Date inside sql``.
/**
 * Claims up to `limit` due jobs for `worker`. FOR UPDATE SKIP LOCKED lets concurrent claimers
 * pass over each other's rows instead of waiting or taking them twice; the same SQL runs on
 * PGlite, which has one connection. A job whose lease expired (its instance died
 * mid-delivery) is due again, so a restart loses nothing.
 */
export async function claimJobs(ex: Executor, worker: string, now: Date, limit = 50): Promise<JobRow[]> {
  const leaseExpired = new Date(now.getTime() - LEASE_MS);
  const claimed = await ex
    .update(jobs)
    .set({ state: "running", lockedAt: now, lockedBy: worker, attempts: sql`${jobs.attempts} + 1` })
    .where(
      sql`${jobs.id} in (
        select ${jobs.id} from ${jobs}
        where (${jobs.state} = 'queued' and ${jobs.runAt} <= ${now.toISOString()}::timestamptz)
           or (${jobs.state} = 'running' and ${jobs.lockedAt} < ${leaseExpired.toISOString()}::timestamptz)
        order by ${jobs.runAt}, ${jobs.id}
        limit ${limit}
        for update skip locked)`,
    )
    .returning();
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** Marks a claimed job done; a worker that lost its lease to another changes nothing. */
export async function completeJob(ex: Executor, job: JobRow, worker: string, now: Date): Promise<boolean> {
  return (await completeJobs(ex, [job], worker, now)) > 0;
}

/** Marks claimed jobs done in one statement; returns how many this worker still held. */
export async function completeJobs(
  ex: Executor,
  list: readonly JobRow[],
  worker: string,
  now: Date,
): Promise<number> {
  if (list.length === 0) return 0;
  const done = await ex
    .update(jobs)
    .set({ state: "done", finishedAt: now, lockedAt: null, lockedBy: null, lastError: null })
    .where(
      and(
        inArray(
          jobs.id,
          list.map((j) => j.id),
        ),
        eq(jobs.state, "running"),
        eq(jobs.lockedBy, worker),
      ),
    )
    .returning({ id: jobs.id });
  return done.length;
}

/** Records a failed try: back to the queue with back-off, or dead-lettered when out of attempts. */
export async function failJob(
  ex: Executor,
  job: JobRow,
  worker: string,
  error: string,
  now: Date,
  opts: { permanent?: boolean } = {},
): Promise<"queued" | "dead"> {
  const next = opts.permanent
    ? ({ state: "dead" } as const)
    : afterFailure(job.attempts, job.maxAttempts, now);
  await ex
    .update(jobs)
    .set({
      state: next.state,
      runAt: next.state === "queued" ? next.runAt : job.runAt,
      finishedAt: next.state === "dead" ? now : null,
      lockedAt: null,
      lockedBy: null,
      lastError: error.slice(0, 2000),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker)));
  return next.state;
}

/** Puts a dead-lettered (or finished) job back in the queue with fresh attempts: "redeliver". */
export async function requeueJob(ex: Executor, id: number, now: Date): Promise<boolean> {
  const rows = await ex
    .update(jobs)
    .set({ state: "queued", attempts: 0, runAt: now, finishedAt: null, lockedAt: null, lockedBy: null })
    .where(and(eq(jobs.id, id), sql`${jobs.state} in ('dead', 'done')`))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
