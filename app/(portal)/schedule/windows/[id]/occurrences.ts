import "server-only";
import { DateTime } from "luxon";
import { expandWindow, type Occurrence, type WindowDef } from "@/lib/domain/schedule";
import type { WindowView } from "@/lib/types/schedule";

const HORIZON_DAYS = 800;

/**
 * The next `limit` occurrences of one window from a local date, expanded with the same pure
 * rule the services use (the view already carries the whole definition), and the local date
 * to continue from.
 */
export function upcomingOccurrences(
  w: WindowView,
  fromDate: string,
  limit: number,
): { items: Occurrence[]; next: string | null } {
  const from = DateTime.fromISO(fromDate, { zone: w.timeZone }).startOf("day");
  const all = expandWindow(viewDef(w), from.toJSDate(), from.plus({ days: HORIZON_DAYS }).toJSDate());
  const items = all.slice(0, limit);
  const last = items[items.length - 1];
  const next =
    all.length > limit && last
      ? DateTime.fromJSDate(last.start, { zone: w.timeZone }).plus({ days: 1 }).toISODate()
      : null;
  return { items, next };
}

/** The definition the view carries, as the pure rules take it. */
export function viewDef(w: WindowView): WindowDef {
  return {
    id: w.id,
    siteId: "",
    kind: w.kind,
    title: w.title,
    areaIds: [],
    localStart: w.start,
    durationMinutes: w.durationMinutes,
    rrule: w.rrule,
    untilLocal: w.until,
    exdatesLocal: w.cancelledOccurrences,
    timeZone: w.timeZone,
  };
}
