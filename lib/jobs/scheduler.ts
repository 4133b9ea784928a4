import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { enqueue, type EnqueueInput } from "./queue";

const SCHEDULER_LOCK = 8142010;

/** Finds what is due at `now` from the data (never from timers) as jobs with idempotency keys. */
export type DueFinder = (tx: Tx, now: Date) => Promise<EnqueueInput[]>;

/** postgres.js answers execute() with an array of rows, PGlite with `{ rows }`. */
async function tryLeaderLock(tx: Tx): Promise<boolean> {
  const res = (await tx.execute(sql`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK}) as ok`)) as unknown;
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { ok: boolean }[];
  return rows[0]?.ok === true;
}

/**
 * One scheduling pass. With several instances on PostgreSQL only the one that takes the
 * advisory lock scans (the others skip this tick); the lock is transaction-scoped, so a leader
 * that dies releases it at once. The idempotency keys make even an overlapping pass harmless.
 */
export async function runScheduler(
  db: Db,
  finders: readonly DueFinder[],
  now: Date,
): Promise<{ leader: boolean; enqueued: number }> {
  return db.transaction(async (tx) => {
    const ok = await tryLeaderLock(tx);
    if (!ok) return { leader: false, enqueued: 0 };
    let enqueued = 0;
    for (const find of finders) {
      const due = await find(tx, now);
      for (let i = 0; i < due.length; i += 500) enqueued += await enqueue(tx, due.slice(i, i + 500));
    }
    return { leader: true, enqueued };
  });
}
