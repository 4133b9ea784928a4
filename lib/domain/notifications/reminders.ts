// When each reminder comes due, computed from the data (never from timers): the scheduler asks
// at `now` which thresholds have passed. Hours are exact instants; days are calendar days on
// the plant's clock, so "25 days later" keeps its local time across a DST change.
import { DateTime } from "luxon";
import type { SiteClock } from "@/lib/domain/advisories/clocks";

const HOUR = 3_600_000;
/** How far back a missed reminder is still sent (a server that was down for a weekend). */
export const CATCH_UP_MS = 14 * 24 * HOUR;

/** Rule 7: the slot reminder goes to the implementer 24 hours before the planned start. */
export const SLOT_LEAD_HOURS = 24;
/** The retrospective sign-off reminder: 24 hours before its due time (approval + 72 h). */
export const RETRO_LEAD_HOURS = 24;
/** CIP-010 R1.3 allows 30 days to update the baseline; the reminder comes at 25. */
export const BASELINE_REMINDER_DAYS = 25;

export const slotReminderAt = (plannedStart: Date): Date =>
  new Date(plannedStart.getTime() - SLOT_LEAD_HOURS * HOUR);

export const retrospectiveReminderAt = (dueAt: Date): Date =>
  new Date(dueAt.getTime() - RETRO_LEAD_HOURS * HOUR);

export function addLocalDays(from: Date, days: number, timeZone: string): Date {
  const local = DateTime.fromJSDate(from, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(from, { zone: "UTC" })).plus({ days }).toJSDate();
}

export const baselineReminderAt = (actualEnd: Date, timeZone: string): Date =>
  addLocalDays(actualEnd, BASELINE_REMINDER_DAYS, timeZone);

/** Whether a reminder whose threshold is `at` is due at `now` and still worth sending (not stale). */
export function isDue(at: Date, now: Date, until?: Date | null): boolean {
  return at.getTime() <= now.getTime() && (!until || now.getTime() < until.getTime());
}

/** An advisory's CIP-007 R2 reminders: 7 calendar days before a site's due date, and when it passes. */
export const ADVISORY_LEAD_DAYS = 7;

export type AdvisoryReminderKind = "advisory_due" | "advisory_overdue";

/**
 * Which of a site's advisory reminders are due at `now`, from the advisories' own clock (siteClock):
 * "due in 7 days" until the due instant, "overdue" from it on (for the catch-up period).
 */
export function advisoryRemindersDue(
  clock: SiteClock,
  timeZone: string,
  now: Date,
): { kind: AdvisoryReminderKind; runAt: Date }[] {
  if (!clock.due) return [];
  const at = clock.due.at;
  const soon = addLocalDays(at, -ADVISORY_LEAD_DAYS, timeZone);
  const out: { kind: AdvisoryReminderKind; runAt: Date }[] = [];
  if (isDue(soon, now, at)) out.push({ kind: "advisory_due", runAt: soon });
  if (isDue(at, now, new Date(at.getTime() + CATCH_UP_MS))) out.push({ kind: "advisory_overdue", runAt: at });
  return out;
}
