import { DateTime } from "luxon";

// en-US names North American zones, en-GB European ones; the first real abbreviation wins over "GMT+1".
const LOCALES = ["en-US", "en-GB", "en-AU", "en-IN"];

export function zoneAbbreviation(instant: Date, timeZone: string): string {
  let fallback = "";
  for (const locale of LOCALES) {
    const name =
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(instant)
        .find((p) => p.type === "timeZoneName")?.value ?? "";
    if (name && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || timeZone;
}

/** "12 Mar 2026, 14:05 CDT": an instant as the plant's clock shows it, with the zone's abbreviation. */
export function formatSiteTime(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) return instant.toISOString();
  return `${local.toFormat("d LLL yyyy, HH:mm")} ${zoneAbbreviation(instant, timeZone)}`;
}
