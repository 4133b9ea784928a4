import "server-only";
import { and, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { changes, sites } from "@/db/schema";
import { OWING_STATES, retrospectiveDueAt } from "@/lib/domain/changes";
import {
  baselineReminderAt,
  isDue,
  retrospectiveReminderAt,
  SLOT_LEAD_HOURS,
  slotReminderAt,
} from "@/lib/domain/notifications/reminders";
import type { EnqueueInput } from "@/lib/jobs/queue";
import type { DueFinder } from "@/lib/jobs/scheduler";

export const REMINDER_JOB = "notify.reminder";
export type ReminderKind =
  "slot_opening" | "retrospective_due" | "retrospective_overdue" | "baseline_overdue";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far back a missed reminder is still sent (a server that was down for a weekend). */
const CATCH_UP = 14 * DAY;

function reminder(kind: ReminderKind, changeId: string, dueAt: Date, stamp: Date, runAt: Date): EnqueueInput {
  return {
    kind: REMINDER_JOB,
    payload: { reminder: kind, changeId, dueAt: dueAt.toISOString() },
    // One per change, kind and the instant it is about: a moved slot gets its own reminder.
    idempotencyKey: `reminder:${kind}:${changeId}:${stamp.toISOString()}`,
    runAt,
  };
}

/** Approved changes whose slot opens within 24 hours: the implementer is told, with the gate's answer. */
const slotOpening: DueFinder = async (tx, now) => {
  const rows = await tx
    .select({ id: changes.id, plannedStart: changes.plannedStart })
    .from(changes)
    .where(
      and(
        eq(changes.state, "approved"),
        isNotNull(changes.implementerId),
        gt(changes.plannedStart, now),
        lte(changes.plannedStart, new Date(now.getTime() + SLOT_LEAD_HOURS * HOUR)),
      ),
    );
  return rows.map((r) =>
    reminder("slot_opening", r.id, r.plannedStart!, r.plannedStart!, slotReminderAt(r.plannedStart!)),
  );
};

/** Approved emergency changes whose retrospective sign-offs are due within 24 hours, or overdue. */
const retrospective: DueFinder = async (tx, now) => {
  const rows = await tx
    .select({ id: changes.id, class: changes.class, approvedAt: changes.approvedAt })
    .from(changes)
    .where(
      and(
        eq(changes.class, "emergency"),
        inArray(changes.state, [...OWING_STATES]),
        gt(changes.approvedAt, new Date(now.getTime() - CATCH_UP - 3 * DAY)),
      ),
    );
  const out: EnqueueInput[] = [];
  for (const r of rows) {
    const due = retrospectiveDueAt(r);
    if (!due) continue;
    const soon = retrospectiveReminderAt(due);
    if (isDue(soon, now, due)) out.push(reminder("retrospective_due", r.id, due, r.approvedAt!, soon));
    if (isDue(due, now, new Date(due.getTime() + CATCH_UP)))
      out.push(reminder("retrospective_overdue", r.id, due, r.approvedAt!, due));
  }
  return out;
};

/** Implemented changes whose asset baseline is still not confirmed 25 days on (CIP-010 R1.3: 30). */
const baseline: DueFinder = async (tx, now) => {
  const rows = await tx
    .select({ id: changes.id, actualEnd: changes.actualEnd, timeZone: sites.timeZone })
    .from(changes)
    .innerJoin(sites, sql`${sites.id} = ${changes.siteIds}[1]`)
    .where(
      and(
        inArray(changes.state, ["implemented", "pssr_pending"]),
        eq(changes.outcome, "success"),
        lte(changes.actualEnd, new Date(now.getTime() - 24 * DAY)),
        gt(changes.actualEnd, new Date(now.getTime() - 30 * DAY - CATCH_UP)),
      ),
    );
  const out: EnqueueInput[] = [];
  for (const r of rows) {
    const at = baselineReminderAt(r.actualEnd!, r.timeZone);
    if (isDue(at, now)) out.push(reminder("baseline_overdue", r.id, at, r.actualEnd!, at));
  }
  return out;
};

export const REMINDER_FINDERS: readonly DueFinder[] = [slotOpening, retrospective, baseline];
