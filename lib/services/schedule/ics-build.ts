import "server-only";
import { currentTime } from "@/lib/clock";
// RFC 5545 rendering of a site's schedule. Windows are exported as recurring events in the
// site's TZID (RRULE, EXDATE), which calendar clients expand in local time just as
// expandWindow does; expanding them here instead would send thousands of events and lose
// the "this is one series" meaning that lets a client show and update it as one.
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalLuxonDateTimeStub,
} from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import {
  OccurrenceLimitError,
  expandWindow,
  localToUtc,
  parseRule,
  seriesEnd,
  utcToLocal,
  type WindowDef,
} from "@/lib/domain/schedule";
import type { ChangeState } from "@/lib/domain/constants";

const DAY_MS = 86_400_000;

// A zone's VTIMEZONE block does not change while the process runs: built once per zone (a slot
// reminder's .ics needs one each, thousands at a time).
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, tzlib_get_ical_block(zone)[0] ?? null);
  return vtimezones.get(zone)!;
}

/** A wall time written as is: DTSTART must be the rule's nominal start, even one inside a DST gap. */
function wallTime(local: string, instant: Date): ICalLuxonDateTimeStub {
  const [date, time] = local.split("T") as [string, string];
  const stub: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: "iana" },
    setZone: () => stub,
    toFormat: (fmt: string) =>
      fmt === "yyyyLLdd" ? date.replace(/-/g, "") : `${time.replace(":", "").slice(0, 4)}00`,
    toJSDate: () => instant,
    toJSON: () => instant.toISOString(),
  };
  return stub;
}

const basic = (local: string) => `${local.replace(/[-:]/g, "").slice(0, 13)}00`;
const utcBasic = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");

/** The first nominal occurrence, cancelled or not, so COUNT and EXDATE line up with DTSTART. */
function firstNominal(def: WindowDef): string {
  if (def.rrule === null) return def.localStart;
  const from = localToUtc(def.localStart, def.timeZone);
  const first = expandWindow({ ...def, exdatesLocal: [] }, from, new Date(from.getTime() + 400 * DAY_MS))[0];
  return first?.recurrenceId ?? def.localStart;
}

/**
 * Occurrences whose nominal wall time is ambiguous (fall-back hour) or missing (spring-forward
 * gap). RFC 5545 resolves them as expandWindow does (first occurrence; offset before the gap),
 * but clients differ (ical.js takes the second of a repeated hour), so each is pinned: its
 * nominal time excluded (the client drops whatever it made of it) and its instant added in UTC.
 */
function pinnedOccurrences(def: WindowDef, now: Date): { nominal: string; start: Date }[] {
  const from = new Date(
    Math.max(localToUtc(def.localStart, def.timeZone).getTime(), now.getTime() - PIN_PAST_DAYS * DAY_MS),
  );
  const to = new Date(now.getTime() + PIN_FUTURE_DAYS * DAY_MS);
  if (to <= from) return [];
  let occurrences;
  try {
    occurrences = expandWindow(def, from, to);
  } catch (e) {
    if (e instanceof OccurrenceLimitError) return [];
    throw e;
  }
  const wall = (t: number) => utcToLocal(new Date(t), def.timeZone).local.slice(0, 16);
  return occurrences
    .filter((o) => {
      const t = o.start.getTime();
      if (wall(t) !== o.recurrenceId) return true;
      return [30, 60, 120].some(
        (m) => wall(t + m * 60_000) === o.recurrenceId || wall(t - m * 60_000) === o.recurrenceId,
      );
    })
    .map((o) => ({ nominal: o.recurrenceId, start: o.start }));
}

/** How far around now the feed pins DST-affected occurrences; the feed is re-read long before. */
const PIN_PAST_DAYS = 366;
const PIN_FUTURE_DAYS = 2 * 366;

/** RRULE with UNTIL as a UTC instant (RFC 5545 requires it with a TZID start), EXDATE and pinning RDATE. */
function recurrenceLines(def: WindowDef, now: Date): string | null {
  if (def.rrule === null) return null;
  const parsed = parseRule(def.rrule);
  if (!parsed.ok) return null;
  const parts = parsed.rule.body.split(";").filter((p) => !p.startsWith("UNTIL="));
  const end = seriesEnd(def, parsed.rule);
  if (end !== null) {
    const wall = new Date(end).toISOString().slice(0, 19);
    parts.push(`UNTIL=${utcBasic(localToUtc(wall, def.timeZone))}`);
  }
  const pinned = pinnedOccurrences(def, now);
  const excluded = [...new Set([...def.exdatesLocal, ...pinned.map((p) => p.nominal)])].sort();
  const lines = [`RRULE:${parts.join(";")}`];
  if (excluded.length) lines.push(`EXDATE;TZID=${def.timeZone}:${excluded.map(basic).join(",")}`);
  if (pinned.length) lines.push(`RDATE:${pinned.map((p) => utcBasic(p.start)).join(",")}`);
  return lines.join("\n");
}

export interface IcsWindow {
  def: WindowDef;
  sequence: number;
  summary: string;
  areaCodes: string[];
  updatedAt: Date;
}

export interface IcsChange {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
  version: number;
  plannedStart: Date;
  plannedEnd: Date;
  areaCodes: string[];
  updatedAt: Date;
}

export function buildIcs(params: {
  site: { code: string; name: string; timeZone: string };
  windows: IcsWindow[];
  changes: IcsChange[];
  baseUrl?: string | null;
  now?: Date;
}): string {
  const { site } = params;
  const tz = site.timeZone;
  const stamp = params.now ?? currentTime();
  const cal = ical({
    name: `Interlock ${site.code} – ${site.name}`,
    description: `Maintenance windows, blackouts and scheduled changes at ${site.name} (${tz})`,
    prodId: { company: "Interlock", product: "Interlock schedule", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-level zone name: ical-generator would then write DTSTAMP and LAST-MODIFIED
    // in local time, which RFC 5545 forbids. Events carry the TZID; the generator adds the
    // VTIMEZONE for it, and X-WR-TIMEZONE tells clients which zone to display.
    timezone: { name: null, generator: vtimezone },
    ttl: 15 * 60,
    x: [["X-WR-TIMEZONE", tz]],
  });

  for (const w of params.windows) {
    const { def } = w;
    const first = firstNominal(def);
    const start = localToUtc(first, tz);
    const end = new Date(start.getTime() + def.durationMinutes * 60_000);
    const blackout = def.kind === "blackout";
    const where = w.areaCodes.length ? `Areas ${w.areaCodes.join(", ")}` : "Whole site";
    cal.createEvent({
      id: `window-${def.id}@interlock`,
      sequence: w.sequence,
      stamp,
      lastModified: w.updatedAt,
      timezone: tz,
      start: def.rrule === null ? DateTime.fromJSDate(start).setZone(tz) : wallTime(first, start),
      end: DateTime.fromJSDate(end).setZone(tz),
      summary: `${blackout ? "Blackout" : "Maintenance window"}: ${def.title}`,
      description: `${w.summary}\n${where} at ${site.code}.${blackout ? " No changes may be made." : ""}`,
      location: `${site.name} (${site.code})`,
      categories: [{ name: blackout ? "Blackout" : "Maintenance window" }],
      transparency: blackout ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      repeating: recurrenceLines(def, stamp),
    });
  }

  for (const c of params.changes) {
    cal.createEvent({
      id: `change-${c.id}@interlock`,
      sequence: c.version,
      stamp,
      lastModified: c.updatedAt,
      timezone: tz,
      start: DateTime.fromJSDate(c.plannedStart).setZone(tz),
      end: DateTime.fromJSDate(c.plannedEnd).setZone(tz),
      summary: `${c.number}: ${c.title}`,
      description: `Change ${c.number} (${c.state.replace("_", " ")})${c.areaCodes.length ? `, areas ${c.areaCodes.join(", ")}` : ""}.`,
      location: `${site.name} (${site.code})`,
      categories: [{ name: "Change" }],
      status: c.state === "submitted" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      url: params.baseUrl ? `${params.baseUrl}/changes/${c.id}` : null,
    });
  }
  return cal.toString();
}
