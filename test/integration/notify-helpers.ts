import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, mailMessages, notifications, users } from "@/db/schema";
import { DUE_FINDERS, JOB_HANDLERS } from "@/lib/jobs/handlers";
import { runScheduler } from "@/lib/jobs/scheduler";
import { runDueJobs } from "@/lib/jobs/worker";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";

/** Runs every due job (and the jobs they queue) at `now`, as the poller would. */
export async function drainJobs(db: Db, now = new Date()) {
  let total = 0;
  for (let i = 0; i < 50; i++) {
    const s = await runDueJobs(db, JOB_HANDLERS, { worker: "test", now });
    total += s.claimed;
    if (s.claimed === 0) return total;
  }
  throw new Error("jobs keep coming");
}

export async function schedule(db: Db, now: Date) {
  const r = await runScheduler(db, DUE_FINDERS, now);
  await drainJobs(db, now);
  return r;
}

/** The e-mail addresses that got a notification of this kind about this object. */
export async function told(db: Db, kind: NotificationKind, objectId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.kind, kind), eq(notifications.objectId, objectId)));
  return rows.map((r) => r.email).sort();
}

export async function mailsTo(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .select()
    .from(mailMessages)
    .where(inArray(mailMessages.to, [...emails]));
}

export async function deadJobs(db: Db) {
  return db
    .select()
    .from(jobs)
    .where(sql`${jobs.state} = 'dead'`);
}

export const emails = (...people: { email: string }[]) => people.map((p) => p.email).sort();
