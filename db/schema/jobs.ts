import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export type JobState = "queued" | "running" | "done" | "dead";

/**
 * The durable job queue (no Redis): workers claim due rows with FOR UPDATE SKIP LOCKED, so
 * several app instances never take the same job; a job stays until done or dead-lettered.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** e.g. "reminder:slot_opening:<change>:<due day>": a second enqueue of the same key is a no-op. */
    idempotencyKey: text().unique(),
    state: text().$type<JobState>().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Claimed at; a running job whose lease ran out (the instance died) is claimed again. */
    lockedAt: timestamp({ withTimezone: true }),
    lockedBy: text(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("jobs_due_idx")
      .on(t.runAt, t.id)
      .where(sql`${t.state} in ('queued', 'running')`),
    index("jobs_kind_state_idx").on(t.kind, t.state, t.createdAt),
  ],
);
