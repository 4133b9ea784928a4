// Wall-time ↔ instant conversion for site zones. Local wall times are handled as
// "floating" milliseconds: the wall clock read as if it were UTC. That keeps calendar
// arithmetic (and rrule) free of offsets until the final, explicit mapping to an instant.
import { DateTime, IANAZone } from "luxon";
import { zoneAbbreviation } from "../site-time";
import { isIanaTimeZone } from "../time-zone";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Years accepted for local times; bounds keep rrule iteration and Date.UTC sane. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9000;

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function calendarFloating(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC silently rolls 31 April into 1 May; a round trip catches it.
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/** Floating ms of "YYYY-MM-DDTHH:mm[:ss]", or null when malformed or not a calendar date. */
export function parseLocal(local: string): number | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  return calendarFloating(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0);
}

/** Floating ms of midnight of "YYYY-MM-DD", or null. */
export function parseLocalDate(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  return calendarFloating(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Canonical "YYYY-MM-DDTHH:mm" (":ss" only when non-zero) of a floating time. */
export function formatFloating(floating: number): string {
  const d = new Date(floating);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCSeconds() ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

function requireZone(tz: string): IANAZone {
  if (!isIanaTimeZone(tz)) throw new RangeError(`Unknown time zone "${tz}"`);
  return IANAZone.create(tz);
}

/** Offset of the zone at an instant, in minutes east of UTC. */
export function offsetMinutes(instant: number, tz: string): number {
  return requireZone(tz).offset(instant);
}

/**
 * The instant of a floating wall time, with RFC 5545 rules: a wall time inside a
 * spring-forward gap takes the offset in force before the gap (02:30 → 03:30 CDT), and a
 * wall time in the repeated fall-back hour takes its first occurrence (the daylight one).
 */
export function floatingToInstant(floating: number, tz: string): number {
  const zone = requireZone(tz);
  // Offsets on either side bracket any single transition near this wall time.
  const before = zone.offset(floating - DAY_MS);
  const after = zone.offset(floating + DAY_MS);
  const candidates = [floating - before * MINUTE_MS, floating - after * MINUTE_MS].filter(
    (t) => t + zone.offset(t) * MINUTE_MS === floating,
  );
  if (candidates.length === 0) return floating - before * MINUTE_MS;
  return Math.min(...candidates);
}

export function localToUtc(local: string, tz: string): Date {
  const floating = parseLocal(local);
  if (floating === null) throw new RangeError(`Invalid local time "${local}" (expected YYYY-MM-DDTHH:mm)`);
  return new Date(floatingToInstant(floating, tz));
}

function offsetString(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function utcToLocal(d: Date, tz: string): { local: string; abbr: string; offset: string } {
  const instant = d.getTime();
  const offset = offsetMinutes(instant, tz);
  const floating = instant + offset * MINUTE_MS;
  const local = formatFloating(floating - new Date(floating).getUTCMilliseconds());
  return { local, abbr: zoneAbbreviation(tz, instant), offset: offsetString(offset) };
}

/** "YYYY-MM-DDTHH:mm:ss.SSS±HH:MM": the wall time in the zone with its numeric offset. */
export function toLocalIso(d: Date, tz: string): string {
  const instant = d.getTime();
  const offset = offsetMinutes(instant, tz);
  const w = new Date(instant + offset * MINUTE_MS);
  const date = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}`;
  return `${date}T${time}${offsetString(offset)}`;
}

export const WEEKDAY_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
export const MONTH_SHORT = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** English names built by hand so labels never depend on the runtime's ICU data. */
export function formatFloatingDate(floating: number, withWeekday = true): string {
  const w = new Date(floating);
  const date = `${w.getUTCDate()} ${MONTH_SHORT[w.getUTCMonth()]} ${w.getUTCFullYear()}`;
  return withWeekday ? `${WEEKDAY_SHORT[w.getUTCDay()]} ${date}` : date;
}

export function formatFloatingTime(floating: number): string {
  const w = new Date(floating);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

export type LocalStyle = "datetime" | "date" | "time" | "weekday-time" | "iso";

/**
 * Site-local labels: "datetime" → "Sun 14 Mar 2027 03:30 CDT", "date" → "Sun 14 Mar 2027",
 * "time" → "03:30 CDT", "weekday-time" → "Sun 03:30 CDT", "iso" → toLocalIso.
 */
export function formatLocal(d: Date, tz: string, style: LocalStyle = "datetime"): string {
  if (style === "iso") return toLocalIso(d, tz);
  const instant = d.getTime();
  const floating = instant + offsetMinutes(instant, tz) * MINUTE_MS;
  const abbr = zoneAbbreviation(tz, instant);
  switch (style) {
    case "date":
      return formatFloatingDate(floating);
    case "time":
      return `${formatFloatingTime(floating)} ${abbr}`;
    case "weekday-time":
      return `${WEEKDAY_SHORT[new Date(floating).getUTCDay()]} ${formatFloatingTime(floating)} ${abbr}`;
    default:
      return `${formatFloatingDate(floating)} ${formatFloatingTime(floating)} ${abbr}`;
  }
}

/**
 * "Sun 14 Mar 2027 02:00–06:00 CDT"; the zone is repeated when it changes inside the
 * range ("00:00 CST – 05:00 CDT") and the date when the range crosses midnight.
 */
export function formatLocalRange(start: Date, end: Date, tz: string): string {
  const s = start.getTime();
  const e = end.getTime();
  const fs = s + offsetMinutes(s, tz) * MINUTE_MS;
  const fe = e + offsetMinutes(e, tz) * MINUTE_MS;
  const sAbbr = zoneAbbreviation(tz, s);
  const eAbbr = zoneAbbreviation(tz, e);
  const sameDay = formatFloatingDate(fs) === formatFloatingDate(fe);
  const startLabel = `${formatFloatingDate(fs)} ${formatFloatingTime(fs)}`;
  const endLabel = sameDay ? formatFloatingTime(fe) : `${formatFloatingDate(fe)} ${formatFloatingTime(fe)}`;
  if (sAbbr !== eAbbr) return `${startLabel} ${sAbbr} – ${endLabel} ${eAbbr}`;
  return sameDay ? `${startLabel}–${endLabel} ${eAbbr}` : `${startLabel} – ${endLabel} ${eAbbr}`;
}

/**
 * A new window's default start: 01:00 site time on the day after `now`, the usual night for
 * work and never already past during a working day (today's 01:00 would preview nothing).
 */
export function defaultWindowStart(now: Date, tz: string): string {
  return `${DateTime.fromJSDate(now, { zone: tz }).plus({ days: 1 }).toISODate()}T01:00`;
}
