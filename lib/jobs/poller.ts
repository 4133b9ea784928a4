import "server-only";
import os from "node:os";
import { getDb } from "@/db/client";
import { DUE_FINDERS, JOB_HANDLERS } from "./handlers";
import { runScheduler } from "./scheduler";
import { runDueJobs } from "./worker";

const POLL_MS = 2_000;
const SCHEDULE_MS = 60_000;
const BATCH = 100;
/** Batches per tick before yielding to the next tick (keeps one tick from running unbounded). */
const MAX_BATCHES = 50;

/**
 * Started with the server (instrumentation.ts): claims due jobs every two seconds and, once a
 * minute, runs the scheduler (on PostgreSQL only the instance holding the leader lock scans).
 * INTERLOCK_JOBS=0 turns both off on an instance (e.g. one reserved for the API).
 */
export function startJobPoller(): void {
  if (process.env.INTERLOCK_JOBS === "0") return;
  const g = globalThis as unknown as { __interlockJobs?: NodeJS.Timeout[] };
  if (g.__interlockJobs) return;
  const worker = `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const db = await getDb();
      for (let i = 0; i < MAX_BATCHES; i++) {
        const s = await runDueJobs(db, JOB_HANDLERS, { worker, limit: BATCH });
        if (s.claimed < BATCH) break;
      }
    } catch (e) {
      console.error("[interlock] job poller", e);
    } finally {
      polling = false;
    }
  };
  let scheduling = false;
  const schedule = async () => {
    if (scheduling) return;
    scheduling = true;
    try {
      await runScheduler(await getDb(), DUE_FINDERS, new Date());
    } catch (e) {
      console.error("[interlock] scheduler", e);
    } finally {
      scheduling = false;
    }
  };
  void schedule();
  g.__interlockJobs = [setInterval(poll, POLL_MS), setInterval(schedule, SCHEDULE_MS)];
  for (const t of g.__interlockJobs) t.unref();
}
