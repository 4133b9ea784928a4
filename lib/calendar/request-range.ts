// The calendar must ask for its data before it knows the site's zone (the one service call
// returns both). The days of a view depend on the zone only through "today" when no date is
// given, and a site's today is the UTC date ±1 day in every zone on Earth, so the union of
// the three candidate views is always enough. Days are exchanged as site-local wall times.
import { DateTime } from "luxon";
import { viewRange, type CalendarView } from "./range";

export function requestRange(
  view: CalendarView,
  date: string | undefined,
  now: Date,
): { from: string; to: string } {
  const utcToday = DateTime.fromJSDate(now, { zone: "UTC" }).startOf("day");
  const candidates = date ? [date] : [-1, 0, 1].map((d) => utcToday.plus({ days: d }).toISODate()!);
  const keys = candidates.flatMap((c) => {
    const r = viewRange(view, c, now, "UTC");
    return [r.days[0]!.key, r.days[r.days.length - 1]!.key];
  });
  keys.sort();
  const last = DateTime.fromISO(keys[keys.length - 1]!, { zone: "UTC" })
    .plus({ days: 1 })
    .toISODate()!;
  return { from: `${keys[0]}T00:00`, to: `${last}T00:00` };
}
