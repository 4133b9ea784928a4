// Weekly figures for the dashboard charts: changes started per week by class, and the lead time
// from submission to start of the changes started each week. Weeks start on Monday, 00:00 UTC.
import { CHANGE_CLASSES, type ChangeClass } from "../constants";
import { percentile } from "../compliance/figures";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface StartedChange {
  class: ChangeClass;
  submittedAt: Date | null;
  actualStart: Date;
}

export interface WeekFigures {
  /** Monday 00:00 UTC of the week, ISO. */
  weekStart: string;
  started: Record<ChangeClass, number>;
  /** Median days from submission to start of the changes started that week; null when none. */
  medianLeadDays: number | null;
}

/** Monday 00:00 UTC of the week holding `at`. */
export function mondayUtc(at: Date): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
}

/** The `weeks` weeks up to and including the one holding `now`, oldest first. */
export function weeklyFigures(rows: readonly StartedChange[], now: Date, weeks: number): WeekFigures[] {
  const last = mondayUtc(now).getTime();
  const starts = Array.from({ length: weeks }, (_, i) => last - (weeks - 1 - i) * WEEK_MS);
  return starts.map((start) => {
    const inWeek = rows.filter(
      (r) => r.actualStart.getTime() >= start && r.actualStart.getTime() < start + WEEK_MS,
    );
    const started = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, 0])) as Record<ChangeClass, number>;
    for (const r of inWeek) started[r.class]++;
    const leads = inWeek
      .filter((r) => r.submittedAt && r.actualStart >= r.submittedAt)
      .map((r) => (r.actualStart.getTime() - r.submittedAt!.getTime()) / DAY_MS);
    const median = percentile(leads, 50);
    return {
      weekStart: new Date(start).toISOString(),
      started,
      medianLeadDays: median === null ? null : Math.round(median * 10) / 10,
    };
  });
}
