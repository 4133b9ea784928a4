import type { CalendarDay } from "@/lib/calendar/range";
import { offsetLabel, zoneAbbreviation, zoneOffsetMinutes } from "@/lib/domain/site-time";
import { BrowserZoneNote } from "./browser-zone-note";

/**
 * "Times in America/Chicago: CST (UTC−06:00), CDT (UTC−05:00) from Sun 14 Mar" — each
 * abbreviation in force during the shown days, so a DST change inside the view is explicit.
 */
export function zoneSummary(tz: string, days: readonly CalendarDay[]): string {
  const parts: string[] = [];
  let last: string | null = null;
  for (const [i, d] of days.entries()) {
    const end = new Date(d.end.getTime() - 1);
    for (const [j, at] of [d.start, end].entries()) {
      const label = `${zoneAbbreviation(tz, at)} (${offsetLabel(zoneOffsetMinutes(tz, at))})`;
      if (label === last) continue;
      parts.push(i === 0 && j === 0 ? label : `${label} from ${d.label.replace(/ \d{4}$/, "")}`);
      last = label;
    }
  }
  return `Times in ${tz.replace(/_/g, " ")}: ${parts.join(", ")}.`;
}

export function ZoneBanner({ tz, days }: { tz: string; days: readonly CalendarDay[] }) {
  return (
    <p className="text-xs text-slate-700">
      {zoneSummary(tz, days)}
      <BrowserZoneNote siteZone={tz} />
    </p>
  );
}
