import "server-only";
import type { Db } from "@/db/client";
import { claimJobs, completeJob, completeJobs, failJob, type JobRow } from "./queue";

/** Thrown by a handler when retrying cannot help (the endpoint was removed, the payload is bad). */
export class PermanentJobError extends Error {}

export interface JobContext {
  db: Db;
  now: Date;
  worker: string;
}
/**
 * Runs one job. It may also carry `many`: the same work for several jobs of its kind at once
 * (one transaction, set-based queries), answering false when it cannot take them (then each runs
 * alone). If `many` throws, the jobs run one by one, so a bad job fails alone.
 */
export type JobHandler = ((job: JobRow, ctx: JobContext) => Promise<void>) & {
  many?: (jobs: JobRow[], ctx: JobContext) => Promise<boolean>;
};

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
  // Several jobs of a kind whose handler takes them together go at once; if that fails, one by one.
  const single: JobRow[] = [];
  const byKind = new Map<string, JobRow[]>();
  for (const j of batch) {
    const list = byKind.get(j.kind);
    if (list) list.push(j);
    else byKind.set(j.kind, [j]);
  }
  for (const [kind, list] of byKind) {
    const many = handlers[kind]?.many;
    if (!many || list.length < 2) {
      single.push(...list);
      continue;
    }
    let took = false;
    try {
      took = await many(list, { db, now, worker: opts.worker });
    } catch (e) {
      console.error(`[interlock] ${list.length} "${kind}" jobs run one by one: ${message(e)}`);
      took = false;
    }
    if (!took) {
      single.push(...list);
      continue;
    }
    summary.done += await completeJobs(db, list, opts.worker, now);
  }
  // A few at a time: waits on the database and on receivers overlap, the pool is not exhausted.
  let next = 0;
  const lanes = Array.from({ length: Math.min(opts.concurrency ?? 4, single.length) }, async () => {
    while (next < single.length) await runOne(single[next++]!);
  });
  await Promise.all(lanes);
  return summary;
}
