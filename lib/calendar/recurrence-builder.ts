// The window form's recurrence builder ⇄ RRULE. The builder covers what people book by hand
// (none / daily / weekly on weekdays / monthly on a day, every N, ending never / on a date /
// after N times); any other rule stays editable as raw RRULE text ("custom").
import { parseRule } from "@/lib/domain/schedule";

export const FREQUENCIES = ["none", "daily", "weekly", "monthly", "custom"] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const END_MODES = ["never", "until", "count"] as const;
export type EndMode = (typeof END_MODES)[number];

/** RFC 5545 weekday codes in Monday-first order (rrule's numbering 0–6). */
export const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

export interface RecurrenceBuilder {
  freq: Frequency;
  interval: number;
  weekdays: WeekdayCode[];
  monthDay: number;
  endMode: EndMode;
  /** "YYYY-MM-DD", inclusive, site-local (only with endMode "until"). */
  untilDate: string;
  count: number;
  /** Raw RRULE body, only with freq "custom". */
  custom: string;
}

export const DEFAULT_BUILDER: RecurrenceBuilder = {
  freq: "none",
  interval: 1,
  weekdays: [],
  monthDay: 1,
  endMode: "never",
  untilDate: "",
  count: 10,
  custom: "",
};

/** Weekday code of a "YYYY-MM-DD…" date. */
export function weekdayOf(localDate: string): WeekdayCode | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(localDate);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if (Number.isNaN(d.getTime())) return null;
  return WEEKDAY_CODES[(d.getUTCDay() + 6) % 7]!;
}

/** The RRULE body the builder describes, or null for a one-off. COUNT goes in the rule; an end date goes in `until`. */
export function buildRrule(b: RecurrenceBuilder): string | null {
  if (b.freq === "none") return null;
  if (b.freq === "custom") return b.custom.trim().replace(/^RRULE:/i, "") || null;
  const parts = [`FREQ=${b.freq.toUpperCase()}`];
  if (b.interval > 1) parts.push(`INTERVAL=${b.interval}`);
  if (b.freq === "weekly" && b.weekdays.length) {
    parts.push(`BYDAY=${WEEKDAY_CODES.filter((d) => b.weekdays.includes(d)).join(",")}`);
  }
  if (b.freq === "monthly") parts.push(`BYMONTHDAY=${b.monthDay}`);
  if (b.endMode === "count") parts.push(`COUNT=${b.count}`);
  return parts.join(";");
}

/** The series end for the service's `until` field: a whole local day, or null. */
export function buildUntil(b: RecurrenceBuilder): string | null {
  return b.freq !== "none" && b.endMode === "until" && b.untilDate ? b.untilDate : null;
}

/**
 * The builder for a stored window (edit form). A rule the builder cannot express exactly
 * becomes "custom" so saving the form never rewrites it silently.
 */
export function builderFrom(
  rrule: string | null,
  until: string | null,
  localStart: string,
): RecurrenceBuilder {
  const untilDate = until ? until.slice(0, 10) : "";
  const base: RecurrenceBuilder = {
    ...DEFAULT_BUILDER,
    monthDay: Number(localStart.slice(8, 10)) || 1,
    weekdays: [weekdayOf(localStart) ?? "MO"],
    endMode: untilDate ? "until" : "never",
    untilDate,
  };
  if (!rrule) return base;
  const custom = { ...base, freq: "custom" as const, custom: rrule.replace(/^RRULE:/i, "") };
  const parsed = parseRule(rrule);
  if (!parsed.ok) return custom;
  const r = parsed.rule;
  if (r.until || r.byMonth.length || r.bySetPos.length) return custom;
  if (r.byDay.some((d) => d.n !== null)) return custom;
  const common = {
    interval: r.interval,
    endMode: (r.count !== null ? "count" : base.endMode) as EndMode,
    count: r.count ?? base.count,
  };
  if (r.count !== null && untilDate) return custom;
  if (r.freq === "DAILY" && r.byDay.length === 0 && r.byMonthDay.length === 0)
    return { ...base, ...common, freq: "daily" };
  if (r.freq === "WEEKLY" && r.byMonthDay.length === 0) {
    const weekdays = r.byDay.length
      ? WEEKDAY_CODES.filter((_, i) => r.byDay.some((d) => d.weekday === i))
      : base.weekdays;
    return { ...base, ...common, freq: "weekly", weekdays };
  }
  if (
    r.freq === "MONTHLY" &&
    r.byDay.length === 0 &&
    r.byMonthDay.length <= 1 &&
    (r.byMonthDay[0] ?? 1) > 0
  ) {
    return { ...base, ...common, freq: "monthly", monthDay: r.byMonthDay[0] ?? base.monthDay };
  }
  return custom;
}
