// Strict reading of the RRULE subset windows may use. The grammar is checked here before
// rrule sees it because rrule itself accepts junk (BYDAY=XX parses to undefined) and
// would happily iterate a FREQ=SECONDLY rule or an unsatisfiable one for seconds.
import { RRule, type Options } from "rrule";
import { parseLocal } from "./time";

export const RULE_FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type RuleFreq = (typeof RULE_FREQS)[number];

/** Beyond these a "recurring" window is really a one-off; they also bound probe cost. */
export const MAX_INTERVAL: Record<RuleFreq, number> = { DAILY: 366, WEEKLY: 104, MONTHLY: 60, YEARLY: 10 };
export const MAX_COUNT = 5000;
const MAX_RULE_LENGTH = 500;

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

export interface ByDay {
  /** 0 = Monday … 6 = Sunday (rrule's numbering). */
  weekday: number;
  /** Ordinal within the month/year ("-1SU" → -1), null for every such weekday. */
  n: number | null;
}

export type RuleUntil = { kind: "local"; floating: number } | { kind: "utc"; instant: number };

export interface ParsedRule {
  /** The body without "RRULE:", as given to rrule. */
  body: string;
  freq: RuleFreq;
  interval: number;
  count: number | null;
  until: RuleUntil | null;
  byDay: ByDay[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
}

export type Validation = { ok: true } | { ok: false; message: string };
type Parsed = { ok: true; rule: ParsedRule } | { ok: false; message: string };

const REJECTED_PARTS: Record<string, string> = {
  DTSTART: "the start belongs in the window's start field, not in the rule",
  TZID: "the time zone comes from the site, not from the rule",
  BYHOUR: "the time of day comes from the window's start",
  BYMINUTE: "the time of day comes from the window's start",
  BYSECOND: "the time of day comes from the window's start",
  BYYEARDAY: "BYYEARDAY is not supported for windows",
  BYWEEKNO: "BYWEEKNO is not supported for windows",
  BYEASTER: "BYEASTER is not supported for windows",
};

function intList(value: string, min: number, max: number, allowNegative: boolean): number[] | null {
  const items = value.split(",");
  if (items.length > 31) return null;
  const out: number[] = [];
  for (const item of items) {
    if (!/^[+-]?\d{1,3}$/.test(item)) return null;
    const n = Number(item);
    if (n === 0 || (!allowNegative && n < 0) || Math.abs(n) < min || Math.abs(n) > max) return null;
    out.push(n);
  }
  return out;
}

function parseUntil(value: string): RuleUntil | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  const [h, mi, s] = m[4] ? [+m[4], +m[5]!, +m[6]!] : [23, 59, 59];
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return null;
  return m[7] ? { kind: "utc", instant: ms } : { kind: "local", floating: ms };
}

export function normalizeRrule(rrule: string): string {
  return rrule
    .trim()
    .replace(/^RRULE:/i, "")
    .replace(/;+$/, "")
    .toUpperCase();
}

export function parseRule(rrule: string): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, message: `Invalid recurrence rule: ${message}` });
  if (typeof rrule !== "string" || rrule.trim() === "") return fail("it is empty");
  if (rrule.length > MAX_RULE_LENGTH) return fail(`it is longer than ${MAX_RULE_LENGTH} characters`);
  const body = normalizeRrule(rrule);
  if (/[\r\n]/.test(body)) return fail("give a single RRULE line");
  const parts = new Map<string, string>();
  for (const part of body.split(";")) {
    const m = /^([A-Z]+)=(.+)$/.exec(part);
    if (!m) return fail(`"${part}" is not KEY=VALUE`);
    const [key, value] = [m[1]!, m[2]!];
    if (REJECTED_PARTS[key]) return fail(REJECTED_PARTS[key]);
    if (parts.has(key)) return fail(`${key} appears twice`);
    parts.set(key, value);
  }

  const freq = parts.get("FREQ");
  if (!freq) return fail("FREQ is missing");
  if (!(RULE_FREQS as readonly string[]).includes(freq)) {
    return fail(`FREQ=${freq} is not allowed; windows repeat DAILY, WEEKLY, MONTHLY or YEARLY`);
  }
  const f = freq as RuleFreq;
  const rule: ParsedRule = {
    body,
    freq: f,
    interval: 1,
    count: null,
    until: null,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
    bySetPos: [],
  };

  for (const [key, value] of parts) {
    switch (key) {
      case "FREQ":
        break;
      case "INTERVAL": {
        const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
        if (!(n >= 1 && n <= MAX_INTERVAL[f]))
          return fail(`INTERVAL must be 1–${MAX_INTERVAL[f]} for FREQ=${f}`);
        rule.interval = n;
        break;
      }
      case "COUNT": {
        const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
        if (!(n >= 1 && n <= MAX_COUNT)) return fail(`COUNT must be 1–${MAX_COUNT}`);
        rule.count = n;
        break;
      }
      case "UNTIL": {
        const until = parseUntil(value);
        if (!until) return fail(`UNTIL=${value} is not a date (YYYYMMDD or YYYYMMDDTHHMMSS[Z])`);
        rule.until = until;
        break;
      }
      case "BYDAY":
        for (const item of value.split(",")) {
          const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
          if (!m) return fail(`BYDAY value "${item}" is not a weekday like SU or 1SU`);
          const n = m[1] ? Number(m[1]) : null;
          if (n !== null) {
            if (f === "DAILY" || f === "WEEKLY")
              return fail(`BYDAY ordinals such as "${item}" need FREQ=MONTHLY or YEARLY`);
            const max = f === "MONTHLY" ? 5 : 53;
            if (n === 0 || Math.abs(n) > max) return fail(`BYDAY ordinal in "${item}" must be ±1–${max}`);
          }
          rule.byDay.push({ weekday: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]), n });
        }
        break;
      case "BYMONTHDAY": {
        if (f === "DAILY" || f === "WEEKLY") return fail("BYMONTHDAY needs FREQ=MONTHLY or YEARLY");
        const list = intList(value, 1, 31, true);
        if (!list) return fail("BYMONTHDAY values must be 1–31 or -1 to -31");
        rule.byMonthDay = list;
        break;
      }
      case "BYMONTH": {
        const list = intList(value, 1, 12, false);
        if (!list) return fail("BYMONTH values must be 1–12");
        rule.byMonth = list;
        break;
      }
      case "BYSETPOS": {
        if (f === "DAILY" || f === "WEEKLY") return fail("BYSETPOS needs FREQ=MONTHLY or YEARLY");
        const list = intList(value, 1, 366, true);
        if (!list) return fail("BYSETPOS values must be ±1–366");
        rule.bySetPos = list;
        break;
      }
      case "WKST":
        if (!(WEEKDAYS as readonly string[]).includes(value)) return fail(`WKST=${value} is not a weekday`);
        break;
      default:
        return fail(`unknown part ${key}`);
    }
  }
  if (rule.count !== null && rule.until !== null) return fail("COUNT and UNTIL cannot both be given");
  if (rule.bySetPos.length > 0 && rule.byDay.length === 0 && rule.byMonthDay.length === 0) {
    return fail("BYSETPOS needs BYDAY or BYMONTHDAY to pick from");
  }
  return { ok: true, rule };
}

/**
 * Grammar check of an RRULE body. With the series' local start ("YYYY-MM-DDTHH:mm")
 * it also rejects rules that never produce an occurrence (BYMONTH=2;BYMONTHDAY=30),
 * which depends on the start; validateWindowDef always does both.
 */
export function validateRrule(rrule: string, localStart?: string): Validation {
  const parsed = parseRule(rrule);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (localStart === undefined) return { ok: true };
  const start = parseLocal(localStart);
  if (start === null)
    return { ok: false, message: `Invalid start "${localStart}" (expected YYYY-MM-DDTHH:mm)` };
  return ruleProduces(parsed.rule, start) ? { ok: true } : { ok: false, message: NEVER_PRODUCES };
}

export const NEVER_PRODUCES = "Invalid recurrence rule: it never produces an occurrence";

/** rrule options for a floating series; `until` is floating too (the wall clock read as UTC). */
export function rruleOptions(rule: ParsedRule, dtstart: number, until: number | null): Partial<Options> {
  const { until: _ignored, dtstart: _none, tzid: _zone, ...base } = RRule.parseString(rule.body);
  return { ...base, dtstart: new Date(dtstart), until: until === null ? null : new Date(until), tzid: null };
}

// The Gregorian calendar repeats every 400 years (146 097 days, a whole number of weeks),
// so a series started 400·k years later is the same series shifted. Probing near year
// 9999, where rrule stops iterating, bounds the cost of an unsatisfiable rule (which
// rrule would otherwise iterate for seconds) while still seeing ≥ 100 years of it.
const PROBE_FROM_YEAR = 9500;

function surelyProductive(rule: ParsedRule): boolean {
  if (rule.byMonth.length || rule.byMonthDay.length || rule.bySetPos.length) return false;
  if (rule.byDay.some((d) => d.n !== null && Math.abs(d.n) > (rule.freq === "MONTHLY" ? 4 : 52)))
    return false;
  // Every N·7 days lands on one weekday, which BYDAY may exclude.
  return !(rule.freq === "DAILY" && rule.interval % 7 === 0 && rule.byDay.length > 0);
}

/** Does the rule, started at this floating time, ever produce an occurrence? */
export function ruleProduces(rule: ParsedRule, dtstart: number): boolean {
  if (surelyProductive(rule)) return true;
  const start = new Date(dtstart);
  const shift = Math.ceil((PROBE_FROM_YEAR - start.getUTCFullYear()) / 400) * 400;
  const probe = Date.UTC(
    start.getUTCFullYear() + shift,
    start.getUTCMonth(),
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
  );
  const r = new RRule(rruleOptions(rule, probe, null), true);
  return r.after(new Date(probe), true) !== null;
}
