// Which days a calendar view shows, as site-local dates mapped to UTC instants. Pure: the
// caller passes "today" and the zone. Days are the site's days, so a DST day is 23 or 25 h.
import { DateTime } from "luxon";

export const CALENDAR_VIEWS = ["month", "week", "timeline"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const VIEW_LABELS: Record<CalendarView, string> = {
  month: "Month",
  week: "Week",
  timeline: "Timeline",
};

export interface CalendarDay {
  /** "YYYY-MM-DD" in the site zone. */
  key: string;
  /** Local midnight as an instant. */
  start: Date;
  /** Next local midnight as an instant. */
  end: Date;
  dayOfMonth: number;
  /** "Mon", "Tue", … */
  weekday: string;
  /** "Mon 14 Mar 2027" */
  label: string;
  /** False for the leading/trailing days a month grid borrows from its neighbours. */
  inFocus: boolean;
  isToday: boolean;
}

export interface ViewRange {
  view: CalendarView;
  /** The requested date, normalised ("YYYY-MM-DD"). */
  date: string;
  from: Date;
  to: Date;
  days: CalendarDay[];
  /** "March 2027", "8 – 14 Mar 2027". */
  title: string;
  prevDate: string;
  nextDate: string;
  todayDate: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The local date today in the zone. */
export function todayIn(now: Date, tz: string): string {
  return DateTime.fromJSDate(now, { zone: tz }).toISODate()!;
}

/** A valid "YYYY-MM-DD" within sane bounds, else today's local date. */
export function normaliseDate(input: string | undefined, now: Date, tz: string): string {
  if (input && ISO_DATE.test(input)) {
    const d = DateTime.fromISO(input, { zone: tz });
    if (d.isValid && d.year >= 1971 && d.year <= 2999) return d.toISODate()!;
  }
  return todayIn(now, tz);
}

export function parseView(input: string | undefined): CalendarView {
  return (CALENDAR_VIEWS as readonly string[]).includes(input ?? "") ? (input as CalendarView) : "month";
}

function day(d: DateTime, inFocus: boolean, today: string): CalendarDay {
  const start = d.startOf("day");
  const next = start.plus({ days: 1 }).startOf("day");
  const key = start.toISODate()!;
  return {
    key,
    start: start.toJSDate(),
    end: next.toJSDate(),
    dayOfMonth: start.day,
    weekday: start.toFormat("ccc", { locale: "en-GB" }),
    label: start.toFormat("ccc d LLL yyyy", { locale: "en-GB" }),
    inFocus,
    isToday: key === today,
  };
}

/** Weeks start on Monday (ISO 8601), as plant shift calendars usually do. */
export function viewRange(
  view: CalendarView,
  dateInput: string | undefined,
  now: Date,
  tz: string,
): ViewRange {
  const today = todayIn(now, tz);
  const date = normaliseDate(dateInput, now, tz);
  const anchor = DateTime.fromISO(date, { zone: tz }).startOf("day");
  const days: CalendarDay[] = [];
  let title: string;
  let prev: DateTime;
  let next: DateTime;
  if (view === "month") {
    const first = anchor.startOf("month");
    const gridStart = first.startOf("week");
    const gridEnd = first.endOf("month").endOf("week");
    for (let d = gridStart; d < gridEnd; d = d.plus({ days: 1 }))
      days.push(day(d, d.month === first.month, today));
    title = first.toFormat("LLLL yyyy", { locale: "en-GB" });
    prev = first.minus({ months: 1 });
    next = first.plus({ months: 1 });
  } else {
    const weekStart = anchor.startOf("week");
    for (let i = 0; i < 7; i++) days.push(day(weekStart.plus({ days: i }), true, today));
    const last = weekStart.plus({ days: 6 });
    const sameMonth = last.month === weekStart.month;
    title = `${weekStart.toFormat(sameMonth ? "d" : "d LLL", { locale: "en-GB" })} – ${last.toFormat("d LLL yyyy", { locale: "en-GB" })}`;
    prev = weekStart.minus({ weeks: 1 });
    next = weekStart.plus({ weeks: 1 });
  }
  return {
    view,
    date,
    from: days[0]!.start,
    to: days[days.length - 1]!.end,
    days,
    title,
    prevDate: prev.toISODate()!,
    nextDate: next.toISODate()!,
    todayDate: today,
  };
}

/** Split days into rows of seven for the month grid. */
export function weeksOf(days: readonly CalendarDay[]): CalendarDay[][] {
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}
