// Instants are stored in UTC and shown in the site's zone with its abbreviation (luxon,
// DST-correct). Pure: usable on the server and in client components.
import { DateTime } from "luxon";

export type InstantLike = Date | string | null | undefined;

function toDateTime(at: InstantLike, zone: string): DateTime | null {
  if (at === null || at === undefined || at === "") return null;
  const dt = at instanceof Date ? DateTime.fromJSDate(at) : DateTime.fromISO(at, { setZone: false });
  if (!dt.isValid) return null;
  const zoned = dt.setZone(zone);
  return zoned.isValid ? zoned : dt.toUTC();
}

// en-US names North American zones, en-GB European ones ("CET" rather than "GMT+1").
const LOCALES = ["en-US", "en-GB", "en-AU", "en-IN"];

function abbreviationAt(instant: Date, zone: string): string {
  let fallback = "";
  for (const locale of LOCALES) {
    let name = "";
    try {
      name =
        new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
          .formatToParts(instant)
          .find((p) => p.type === "timeZoneName")?.value ?? "";
    } catch {
      return zone;
    }
    if (name && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || zone;
}

/** "14 Mar 2026, 01:00 CST" */
export function formatInZone(at: InstantLike, zone: string): string {
  const dt = toDateTime(at, zone);
  return dt ? `${dt.toFormat("d LLL yyyy, HH:mm")} ${abbreviationAt(dt.toJSDate(), zone)}` : "—";
}

/** "2026-03-14 07:00 UTC", for titles and the printed record. */
export function formatUtc(at: InstantLike): string {
  const dt = toDateTime(at, "UTC");
  return dt ? `${dt.toFormat("yyyy-MM-dd HH:mm")} UTC` : "—";
}

export function isoInstant(at: InstantLike): string | undefined {
  const dt = toDateTime(at, "UTC");
  return dt?.toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** The zone's abbreviation at an instant (default: now), e.g. "CDT". */
export function zoneAbbreviation(zone: string, at?: InstantLike): string {
  const dt = at ? toDateTime(at, zone) : DateTime.now();
  return dt?.isValid ? abbreviationAt(dt.toJSDate(), zone) : zone;
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
