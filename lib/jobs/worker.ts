import "server-only";
import type { Db } from "@/db/client";
import { claimJobs, completeJob, failJob, type JobRow } from "./queue";

/** Thrown by a handler when retrying cannot help (the endpoint was removed, the payload is bad). */
export class PermanentJobError extends Error {}

export interface JobContext {
  db: Db;
  now: Date;
  worker: string;
}
export type JobHandler = (job: JobRow, ctx: JobContext) => Promise<void>;

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Claims one batch of due jobs and runs each through its handler. A failure is recorded on the
 * job (retried with back-off or dead-lettered) and never stops the batch.
 */
export async function runDueJobs(
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  opts: { worker: string; now?: Date; limit?: number; concurrency?: number },
): Promise<RunSummary> {
  const now = opts.now ?? new Date();
  const batch = await claimJobs(db, opts.worker, now, opts.limit ?? 50);
  const summary: RunSummary = { claimed: batch.length, done: 0, retried: 0, dead: 0 };
  const runOne = async (job: JobRow) => {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`No handler for jobs of kind "${job.kind}"`);
      await handler(job, { db, now, worker: opts.worker });
      await completeJob(db, job, opts.worker, now);
      summary.done++;
    } catch (e) {
      const state = await failJob(db, job, opts.worker, message(e), now, {
        permanent: e instanceof PermanentJobError,
      });
      if (state === "dead") summary.dead++;
      else summary.retried++;
    }
  };
  // A few at a time: waits on the database and on receivers overlap, the pool is not exhausted.
  let next = 0;
  const lanes = Array.from({ length: Math.min(opts.concurrency ?? 4, batch.length) }, async () => {
    while (next < batch.length) await runOne(batch[next++]!);
  });
  await Promise.all(lanes);
  return summary;
}
