// The one formatter for instants shown on a plant's clock: zone abbreviations and site-time
// labels for pages, messages and the schedule rules. Instants are stored in UTC; this shows
// them in the site's zone with its abbreviation, DST-correct (luxon over the IANA database).
// Pure (no clock: the instant is always a parameter); usable on the server and in the browser.
import { DateTime } from "luxon";

export type InstantLike = Date | string | number | null | undefined;

/**
 * Tried in order; the first locale that yields a real abbreviation rather than "GMT+2" wins.
 * en-US names the North American zones, en-CA Newfoundland (NST), en-GB the European ones,
 * en-IE Ireland, en-ZA South Africa (SAST), en-IN India (IST), en-AU Australia (AEST,
 * LHDT), en-NZ New Zealand. A zone none of them names keeps ICU's "GMT+9".
 */
export const ABBREVIATION_LOCALES = ["en-US", "en-CA", "en-GB", "en-IE", "en-ZA", "en-IN", "en-AU", "en-NZ"];

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(locale: string, zone: string): Intl.DateTimeFormat | null {
  const key = `${locale}|${zone}`;
  let fmt = formatters.get(key);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
    } catch {
      fmt = null; // not a zone this runtime knows
    }
    // The zone names are few and fixed for the life of the process.
    if (formatters.size < 2000) formatters.set(key, fmt);
  }
  return fmt;
}

function toDateTime(at: InstantLike, zone: string): DateTime | null {
  if (at === null || at === undefined || at === "") return null;
  const dt =
    at instanceof Date
      ? DateTime.fromJSDate(at)
      : typeof at === "number"
        ? DateTime.fromMillis(at)
        : DateTime.fromISO(at, { setZone: false });
  if (!dt.isValid) return null;
  const zoned = dt.setZone(zone);
  return zoned.isValid ? zoned : dt.toUTC();
}

/** The zone's abbreviation at an instant ("CDT", "SAST", "BST"); the zone's name for a zone it cannot read. */
export function zoneAbbreviation(zone: string, at: Date | string | number): string {
  const instant = toDateTime(at, "UTC")?.toJSDate();
  if (!instant) return zone;
  let fallback = "";
  for (const locale of ABBREVIATION_LOCALES) {
    const fmt = formatter(locale, zone);
    if (!fmt) return zone;
    const name = fmt.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "";
    if (name && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || zone;
}

/** "UTC−06:00", "UTC+05:30": an offset in minutes east of UTC, for legends. */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Offset of the zone at an instant, in minutes east of UTC (0 for a zone it cannot read). */
export function zoneOffsetMinutes(zone: string, at: Date | string | number): number {
  return toDateTime(at, zone)?.offset ?? 0;
}

/** "14 Mar 2026, 01:00 CST": an instant as the plant's clock shows it; "—" for none. */
export function formatInZone(at: InstantLike, zone: string): string {
  const dt = toDateTime(at, zone);
  return dt ? `${dt.toFormat("d LLL yyyy, HH:mm")} ${zoneAbbreviation(zone, dt.toJSDate())}` : "—";
}

/** "2026-03-14 02:00:12 CST": with seconds, for the audit trail where several events share a minute. */
export function formatInZoneSeconds(at: InstantLike, zone: string): string {
  const dt = toDateTime(at, zone);
  return dt ? `${dt.toFormat("yyyy-MM-dd HH:mm:ss")} ${zoneAbbreviation(zone, dt.toJSDate())}` : "—";
}

/**
 * "14 Mar 2026, 07:00 UTC", for titles, the administration pages and the printed record: the
 * portal's one way of writing an instant, in UTC (it had been "2026-03-14 07:00 UTC" here alone).
 */
export function formatUtc(at: InstantLike): string {
  return formatInZone(at, "UTC");
}

export function isoInstant(at: InstantLike): string | undefined {
  const dt = toDateTime(at, "UTC");
  return dt?.toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** Value for <input type="datetime-local"> of an instant in a zone ("2026-03-14T01:00"). */
export function toLocalInput(at: InstantLike, zone: string): string {
  const dt = toDateTime(at, zone);
  return dt ? dt.toFormat("yyyy-MM-dd'T'HH:mm") : "";
}

/**
 * The UTC instant of a site-local wall time from a datetime-local input, or null when blank
 * or malformed. In a spring-forward gap luxon moves the time forward, as clocks do.
 */
export function localInputToUtc(local: string, zone: string): string | null {
  if (!local) return null;
  const dt = DateTime.fromISO(local, { zone });
  return dt.isValid ? (dt.toUTC().toISO({ suppressMilliseconds: true }) ?? null) : null;
}
