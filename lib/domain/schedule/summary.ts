// One-line, plain-English description of a window definition for lists and tooltips.
// Common shapes are phrased by hand; anything exotic falls back to rrule's toText().
import { RRule } from "rrule";
import type { WindowDef } from "./types";
import { parseRule, rruleOptions, type ByDay, type ParsedRule } from "./rule";
import { expandWindow, seriesEnd, validateWindowDef } from "./recurrence";
import {
  floatingToInstant,
  formatFloatingDate,
  formatFloatingTime,
  formatLocalRange,
  parseLocal,
} from "./time";
import { zoneAbbreviation, zoneOffsetMinutes } from "../site-time";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Indexed like rrule: 0 = Monday. */
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES =
  "January February March April May June July August September October November December".split(" ");
const NTH_WORDS: Record<string, string> = {
  "1": "first",
  "2": "second",
  "3": "third",
  "4": "fourth",
  "5": "fifth",
  "-1": "last",
};

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function nth(n: number): string {
  return NTH_WORDS[String(n)] ?? (n > 0 ? ordinal(n) : `${ordinal(-n)}-to-last`);
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function every(n: number, unit: string): string {
  return n === 1 ? `Every ${unit}` : `Every ${n} ${unit}s`;
}

function weekdaySet(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.join() === "0,1,2,3,4") return "weekday";
  if (sorted.join() === "5,6") return "weekend day";
  return joinAnd(sorted.map((d) => DAY_NAMES[d]!));
}

const plain = (days: ByDay[]) => days.every((d) => d.n === null);
/** rrule weekday index (Monday = 0) of a floating time. */
const weekdayOf = (floating: number) => (new Date(floating).getUTCDay() + 6) % 7;

function monthDay(n: number): string {
  return n > 0 ? ordinal(n) : n === -1 ? "last day" : `${ordinal(-n)}-to-last day`;
}

function pattern(rule: ParsedRule, dtstart: number): string | null {
  const { freq, interval: n, byDay, byMonthDay, byMonth, bySetPos } = rule;
  const start = new Date(dtstart);
  if (freq === "YEARLY") {
    const shape = [byDay.length, byMonthDay.length, byMonth.length, bySetPos.length].join();
    if (shape === "0,0,0,0")
      return `${every(n, "year")} on ${start.getUTCDate()} ${MONTH_NAMES[start.getUTCMonth()]}`;
    const month = MONTH_NAMES[(byMonth[0] ?? 0) - 1];
    const md = byMonthDay[0] ?? 0;
    const d = byDay[0];
    if (shape === "0,1,1,0" && md > 0) return `${every(n, "year")} on ${md} ${month}`;
    if (shape === "1,0,1,0" && d && d.n !== null)
      return `${every(n, "year")} on the ${nth(d.n)} ${DAY_NAMES[d.weekday]} of ${month}`;
    return null;
  }
  if (byMonth.length > 0) return null;
  if (freq === "DAILY") {
    if (byDay.length === 0) return every(n, "day");
    return n === 1 ? `Every ${weekdaySet(byDay.map((d) => d.weekday))}` : null;
  }
  if (freq === "WEEKLY") {
    const days = byDay.length ? byDay.map((d) => d.weekday) : [weekdayOf(dtstart)];
    if (n === 1) return `Every ${weekdaySet(days)}`;
    return `Every ${n} weeks on ${joinAnd([...new Set(days)].sort((a, b) => a - b).map((d) => DAY_NAMES[d]!))}`;
  }
  const prefix = every(n, "month");
  if (byDay.length === 0 && bySetPos.length === 0) {
    const days = byMonthDay.length ? byMonthDay : [start.getUTCDate()];
    return `${prefix} on the ${joinAnd(days.map(monthDay))}`;
  }
  if (byMonthDay.length > 0) return null;
  if (bySetPos.length === 0 && byDay.every((d) => d.n !== null)) {
    return `${prefix} on the ${joinAnd(byDay.map((d) => `${nth(d.n!)} ${DAY_NAMES[d.weekday]}`))}`;
  }
  const pos = bySetPos[0];
  if (bySetPos.length === 1 && pos !== undefined && plain(byDay)) {
    return `${prefix} on the ${nth(pos)} ${weekdaySet(byDay.map((d) => d.weekday))}`;
  }
  return null;
}

function fallback(rule: ParsedRule, dtstart: number): string {
  const text = new RRule({ ...rruleOptions(rule, dtstart, null), count: null }, true).toText();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "4 hours", "1 h 30 min", "2 days": a window's length as people say it. */
export function durationLabel(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "1 day" : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** Nominal wall times (ignoring DST) are what the people booking the window think in. */
function timeOfDay(dtstart: number, minutes: number, abbr: string): string {
  if (minutes >= 1440) return `${formatFloatingTime(dtstart)} ${abbr} for ${durationLabel(minutes)}`;
  const end = dtstart + minutes * MINUTE_MS;
  const nextDay = Math.floor(end / DAY_MS) !== Math.floor(dtstart / DAY_MS) ? " (next day)" : "";
  return `${formatFloatingTime(dtstart)}–${formatFloatingTime(end)}${nextDay} ${abbr}`;
}

/** A little over a year covers every zone's DST cycle; a sparse series is read over 11 years. */
const SPAN_SAMPLED_MS = 400 * DAY_MS;
const SPARSE_SPAN_MS = 11 * 366 * DAY_MS;
const SPARSE_BELOW = 12;

/**
 * The abbreviations the series' occurrences fall in over its span (sampled as above),
 * standard (smaller UTC offset) first: "CST/CDT", "AEST/AEDT"; one name when they agree.
 */
function seriesAbbreviation(def: WindowDef, first: number): string {
  const from = new Date(first);
  const starts = (span: number) =>
    expandWindow({ ...def, exdatesLocal: [] }, from, new Date(first + span)).map((o) => o.start);
  let sample = starts(SPAN_SAMPLED_MS);
  if (sample.length < SPARSE_BELOW) sample = starts(SPARSE_SPAN_MS);
  const names = new Map<string, number>();
  for (const at of sample.length ? sample : [from]) {
    const name = zoneAbbreviation(def.timeZone, at);
    if (!names.has(name)) names.set(name, zoneOffsetMinutes(def.timeZone, at));
  }
  return [...names.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name)
    .join("/");
}

function untilLabel(floating: number): string {
  const endOfDay = (floating + 1000) % DAY_MS < 1000;
  const date = formatFloatingDate(floating, false);
  return endOfDay ? date : `${date} ${formatFloatingTime(floating)}`;
}

/**
 * "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2027", "Every day 02:00–03:00 CET, 10 times",
 * "Once, Sat 6 Mar 2027 22:00 – Sun 7 Mar 2027 02:00 CST". A series whose occurrences fall on
 * both sides of a DST change names both ("Every Tuesday 07:00–17:00 CST/CDT"), so it reads
 * true all year. Invalid definitions yield a sentence saying so.
 */
export function summarizeWindow(def: WindowDef): string {
  const check = validateWindowDef(def);
  if (!check.ok) return `Invalid schedule: ${check.message}`;
  const dtstart = parseLocal(def.localStart)!;
  const first = floatingToInstant(dtstart, def.timeZone);
  const cancelled = def.exdatesLocal.length;
  const cancelledNote = cancelled ? ` (${cancelled} cancelled)` : "";
  if (def.rrule === null) {
    const end = new Date(first + def.durationMinutes * MINUTE_MS);
    return `Once, ${formatLocalRange(new Date(first), end, def.timeZone)}${cancelled ? " (cancelled)" : ""}`;
  }
  const parsed = parseRule(def.rrule);
  if (!parsed.ok) return `Invalid schedule: ${parsed.message}`;
  const rule = parsed.rule;
  const head = pattern(rule, dtstart) ?? fallback(rule, dtstart);
  const parts = [`${head} ${timeOfDay(dtstart, def.durationMinutes, seriesAbbreviation(def, first))}`];
  const until = seriesEnd(def, rule);
  if (until !== null) parts.push(`until ${untilLabel(until)}`);
  if (rule.count !== null) parts.push(rule.count === 1 ? "1 time" : `${rule.count} times`);
  return parts.join(", ") + cancelledNote;
}
