import { DateTime } from "luxon";

/** One thing that happened at `at`; `seq` keeps the order of things planned for the same instant. */
export interface SeedStep {
  at: Date;
  seq: number;
  key: string;
  run: () => Promise<void>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The instant the seed's services see. It only moves forward, so the trail is written in the order
 * of its timestamps and the hash chain reads as the quarter it tells.
 */
export class SeedClock {
  private t: Date;
  constructor(readonly now: Date) {
    this.t = new Date(now.getTime() - 120 * DAY);
  }
  read = (): Date => this.t;
  set(at: Date): void {
    if (at.getTime() > this.now.getTime())
      throw new Error(`Seed step after the seeding instant: ${at.toISOString()}`);
    if (at.getTime() > this.t.getTime()) this.t = at;
  }
}

export const hours = (n: number) => n * HOUR;
export const days = (n: number) => n * DAY;
export const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** A site's wall time as the schedule API takes it (to the minute, no offset). */
export const localText = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");

/** Monday 00:00 of the week `week` weeks from the seeding instant's week, in the site's zone. */
export function weekStart(now: Date, zone: string, week: number): DateTime {
  return DateTime.fromJSDate(now, { zone }).startOf("week").plus({ weeks: week });
}

/** `weekday` (1 = Monday) of that week at the given local hour. */
export function weekdayAt(now: Date, zone: string, week: number, weekday: number, hour: number): DateTime {
  return weekStart(now, zone, week)
    .plus({ days: weekday - 1 })
    .set({ hour, minute: 0 });
}

/** First Saturday of the month `month` months from the seeding instant's, at the local hour. */
export function firstSaturday(now: Date, zone: string, month: number, hour: number): DateTime {
  const first = DateTime.fromJSDate(now, { zone }).startOf("month").plus({ months: month });
  return first.plus({ days: (6 - first.weekday + 7) % 7 }).set({ hour, minute: 0 });
}

/** The whole hour at or before `d`, in the site's zone. */
export function floorHour(d: Date, zone: string): DateTime {
  return DateTime.fromJSDate(d, { zone }).startOf("hour");
}
export const minutes = (n: number) => n * 60_000;
