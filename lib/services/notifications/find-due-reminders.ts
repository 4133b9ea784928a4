import "server-only";
import { and, eq, gt, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { changeAssets, changes, productionRuns, sites, windows } from "@/db/schema";
import { OWING_STATES, retrospectiveDueAt } from "@/lib/domain/changes";
import {
  baselineReminderAt,
  CATCH_UP_MS,
  isDue,
  retrospectiveReminderAt,
  SLOT_LEAD_HOURS,
  slotReminderAt,
} from "@/lib/domain/notifications/reminders";
import type { EnqueueInput } from "@/lib/jobs/queue";
import type { DueFinder } from "@/lib/jobs/scheduler";
import { loadScheduleConflicts } from "@/lib/services/changes/internal/schedule-seam";
import { temporaryInPlaceRows } from "@/lib/services/changes/internal/temporary-in-place";
import { expiryWarningAt } from "@/lib/domain/changes/temporary";

export const REMINDER_JOB = "notify.reminder";
export type ReminderKind =
  | "slot_opening"
  | "retrospective_due"
  | "retrospective_overdue"
  | "baseline_overdue"
  | "schedule_conflict"
  | "temporary_expiring"
  | "temporary_expired";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
        gt(changes.approvedAt, new Date(now.getTime() - CATCH_UP_MS - 3 * DAY)),
      ),
    );
  const out: EnqueueInput[] = [];
  for (const r of rows) {
    const due = retrospectiveDueAt(r);
    if (!due) continue;
    const soon = retrospectiveReminderAt(due);
    if (isDue(soon, now, due)) out.push(reminder("retrospective_due", r.id, due, r.approvedAt!, soon));
    if (isDue(due, now, new Date(due.getTime() + CATCH_UP_MS)))
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
        gt(changes.actualEnd, new Date(now.getTime() - 30 * DAY - CATCH_UP_MS)),
      ),
    );
  const out: EnqueueInput[] = [];
  for (const r of rows) {
    const at = baselineReminderAt(r.actualEnd!, r.timeZone);
    if (isDue(at, now)) out.push(reminder("baseline_overdue", r.id, at, r.actualEnd!, at));
  }
  return out;
};

/** How far ahead approved slots are checked against blackouts and critical runs declared since. */
const CONFLICT_HORIZON = 60 * DAY;

/**
 * Approved changes whose slot a blackout or a critical production run now covers (declared after
 * the approval): told once per change and per blackout or run, whoever declared it and however.
 */
const scheduleConflicts: DueFinder = async (tx, now) => {
  const rows = await tx
    .select()
    .from(changes)
    .where(
      and(
        eq(changes.state, "approved"),
        gt(changes.plannedEnd, now),
        lte(changes.plannedStart, new Date(now.getTime() + CONFLICT_HORIZON)),
        // Only a blackout or critical run declared or edited since the approval can newly block the
        // slot (one there before would have refused the submission): the full check is for those.
        or(
          sql`exists (select 1 from ${windows} where ${windows.kind} = 'blackout' and ${windows.siteId} = any(${changes.siteIds}) and ${windows.updatedAt} > ${changes.approvedAt})`,
          sql`exists (select 1 from ${productionRuns} where ${productionRuns.criticality} = 'critical' and ${productionRuns.siteId} = any(${changes.siteIds}) and ${productionRuns.updatedAt} > ${changes.approvedAt})`,
        ),
      ),
    )
    .limit(2000);
  const out: EnqueueInput[] = [];
  for (const row of rows) {
    const assetIds = (
      await tx
        .select({ id: changeAssets.assetId })
        .from(changeAssets)
        .where(eq(changeAssets.changeId, row.id))
    ).map((a) => a.id);
    for (const c of await loadScheduleConflicts(tx, row, assetIds)) {
      if (c.code !== "blackout_active" && c.code !== "production_conflict") continue;
      const what = String(c.data?.objectId ?? c.message);
      out.push({
        kind: REMINDER_JOB,
        payload: {
          reminder: "schedule_conflict",
          changeId: row.id,
          dueAt: row.plannedStart!.toISOString(),
          message: c.message,
        },
        idempotencyKey: `reminder:schedule_conflict:${row.id}:${what}`,
        runAt: now,
      });
    }
  }
  return out;
};

/**
 * Temporary changes in place (revert not closed): "expiring" three local days before the expiry
 * (same wall-clock time across a DST change), "expired" at it. Keyed by the expiry, so an
 * extended one is told again about its new date.
 */
const temporaryExpiry: DueFinder = async (tx, now) => {
  const out: EnqueueInput[] = [];
  for (const r of await temporaryInPlaceRows(tx, { before: new Date(now.getTime() + 4 * DAY) })) {
    const until = r.temporaryUntil;
    const soon = expiryWarningAt(until, r.timeZone);
    if (isDue(soon, now, until)) out.push(reminder("temporary_expiring", r.id, until, until, soon));
    if (isDue(until, now, new Date(until.getTime() + CATCH_UP_MS)))
      out.push(reminder("temporary_expired", r.id, until, until, until));
  }
  return out;
};

export const REMINDER_FINDERS: readonly DueFinder[] = [
  slotOpening,
  retrospective,
  baseline,
  scheduleConflicts,
  temporaryExpiry,
];
