// How a change board's meetings repeat: what boards use (weekly, every N weeks such as
// fortnightly, monthly on the same weekday such as "the 2nd Tuesday"). The series is an RRULE
// expanded by the windows' expander, so each meeting keeps the site's local time across DST.
import { expandWindow, summarizeWindow, utcToLocal, type WindowDef } from "../schedule";

export const MEETING_REPEATS = ["none", "weekly", "monthly"] as const;
export type MeetingRepeatKind = (typeof MEETING_REPEATS)[number];

export interface MeetingRepeat {
  repeat: MeetingRepeatKind;
  /** Every this many weeks (weekly) or months (monthly); 1 for a one-off. */
  every: number;
  /** How many meetings the series has, the first included; 1 for a one-off. */
  count: number;
}

/** A series reaches at most a year ahead: beyond that a board re-plans its calendar anyway. */
export const MAX_SERIES_WEEKS = 52;
export const MAX_SERIES_MONTHS = 12;
export const MAX_MEETINGS = 26;

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const DAY_MS = 86_400_000;

/** The first problem with a repeat, as [field, message], or null when it is a valid one. */
export function repeatProblem(r: MeetingRepeat): [keyof MeetingRepeat, string] | null {
  if (r.repeat === "none")
    return r.count > 1 ? ["count", "Choose how the meetings repeat, or schedule one meeting."] : null;
  if (r.count < 2) return ["count", "A series has at least 2 meetings."];
  if (r.count > MAX_MEETINGS) return ["count", `Schedule at most ${MAX_MEETINGS} meetings at a time.`];
  const span = (r.count - 1) * r.every;
  if (r.repeat === "weekly" && span > MAX_SERIES_WEEKS)
    return ["count", `The last meeting would be ${span} weeks ahead; a series reaches at most a year.`];
  if (r.repeat === "monthly" && span > MAX_SERIES_MONTHS)
    return ["count", `The last meeting would be ${span} months ahead; a series reaches at most a year.`];
  return null;
}

/**
 * The RRULE of a series from its first meeting's local start ("YYYY-MM-DDTHH:mm"). Monthly keeps
 * the weekday and its place in the month (2nd Tuesday); a start after the 28th means "the last".
 */
export function meetingRule(localStart: string, r: MeetingRepeat): string | null {
  if (r.repeat === "none") return null;
  if (r.repeat === "weekly") return `FREQ=WEEKLY;INTERVAL=${r.every};COUNT=${r.count}`;
  const day = new Date(`${localStart.slice(0, 10)}T00:00:00Z`);
  const weekday = WEEKDAY_CODES[(day.getUTCDay() + 6) % 7]!;
  const nth = Math.ceil(day.getUTCDate() / 7);
  return `FREQ=MONTHLY;INTERVAL=${r.every};BYDAY=${nth > 4 ? -1 : nth}${weekday};COUNT=${r.count}`;
}

function seriesDef(start: Date, timeZone: string, durationMinutes: number, r: MeetingRepeat): WindowDef {
  const localStart = utcToLocal(start, timeZone).local;
  return {
    id: "meeting",
    siteId: "",
    kind: "maintenance",
    title: "",
    areaIds: [],
    localStart,
    durationMinutes,
    rrule: meetingRule(localStart, r),
    untilLocal: null,
    exdatesLocal: [],
    timeZone,
  };
}

/**
 * The start of every meeting in the series, first one first. The first is `start` itself (a
 * monthly rule names the start's own weekday of the month); the rest keep its local time.
 */
export function meetingStarts(start: Date, timeZone: string, r: MeetingRepeat): Date[] {
  const problem = repeatProblem(r);
  if (problem) throw new RangeError(problem[1]);
  if (r.repeat === "none") return [start];
  const horizon = start.getTime() + (r.count * r.every * 32 + 2) * DAY_MS;
  return expandWindow(seriesDef(start, timeZone, 1, r), start, new Date(horizon)).map((o) => o.start);
}

/** "Every 2 weeks on Thursday 15:00–16:00 CST/CDT, 6 times", for the form and the trail. */
export function describeSeries(
  start: Date,
  timeZone: string,
  durationMinutes: number,
  r: MeetingRepeat,
): string {
  return summarizeWindow(seriesDef(start, timeZone, durationMinutes, r));
}
