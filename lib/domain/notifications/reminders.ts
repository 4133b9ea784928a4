// When each reminder comes due, computed from the data (never from timers): the scheduler asks
// at `now` which thresholds have passed. Hours are exact instants; days are calendar days on
// the plant's clock, so "25 days later" keeps its local time across a DST change.
import { DateTime } from "luxon";

const HOUR = 3_600_000;

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
