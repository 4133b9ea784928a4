// Audit times need seconds (several events share a minute) and the plant's clock with its zone
// abbreviation; site-less events (sign-ins) have no plant, so they are shown in UTC.
import { DateTime } from "luxon";
import { formatInZoneSeconds } from "@/lib/domain/site-time";

/** "2026-03-14 02:00:12 CST" in the zone, and "2026-03-14 08:00:12 UTC" for the title. */
export function auditTime(iso: string, zone: string | null): { local: string; utc: string } {
  const utc = formatInZoneSeconds(iso, "UTC");
  return { local: zone ? formatInZoneSeconds(iso, zone) : utc, utc };
}

/**
 * The instant a calendar day starts in a zone ("2026-03-08" in America/Chicago → 06:00Z), or null
 * for anything that is not a real date. Days are whole local days, so DST days last 23 or 25 hours.
 */
export function dayStartUtc(day: string, zone: string, plusDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const dt = DateTime.fromISO(day, { zone });
  if (!dt.isValid) return null;
  return dt.startOf("day").plus({ days: plusDays }).toUTC().toISO({ suppressMilliseconds: true });
}
