// The calendar's view model: one flat list of items (window occurrences, production runs,
// changes) with UTC instants, plus the pure placement rules the three views share.
import type { ChangeState, RunCriticality, RunKind, WindowKind } from "@/lib/domain/constants";
import type { CalendarDay } from "./range";

interface ItemBase {
  /** Unique within one render (a window yields one item per occurrence). */
  key: string;
  title: string;
  start: Date;
  end: Date;
  /** Area codes; empty means the whole site. */
  areas: string[];
}

export interface WindowItem extends ItemBase {
  type: "window";
  windowId: string;
  kind: WindowKind;
  /** Nominal local start, the key used to cancel this one occurrence. */
  recurrenceId: string;
}

export interface RunItem extends ItemBase {
  type: "run";
  runId: string;
  kind: RunKind;
  criticality: RunCriticality;
  /** Version for an edit from the calendar (If-Match). */
  sequence: number;
}

export interface ChangeConflictView {
  code: string;
  message: string;
  blocking: boolean;
}

export interface ChangeItem extends ItemBase {
  type: "change";
  changeId: string;
  number: string;
  state: ChangeState;
  conflicts: ChangeConflictView[];
}

export type CalendarItem = WindowItem | RunItem | ChangeItem;

export interface CalendarFilters {
  /** Area codes to show; empty = all areas. */
  areas: string[];
  /** Change states to show; empty = all states. Windows and runs ignore it. */
  states: ChangeState[];
}

/** Site-wide items always match an area filter: they apply to every area. */
export function matchesFilters(item: CalendarItem, f: CalendarFilters): boolean {
  if (f.areas.length && item.areas.length && !item.areas.some((a) => f.areas.includes(a))) return false;
  if (item.type === "change" && f.states.length && !f.states.includes(item.state)) return false;
  return true;
}

export function overlapsRange(item: { start: Date; end: Date }, from: Date, to: Date): boolean {
  return item.start.getTime() < to.getTime() && item.end.getTime() > from.getTime();
}

/** Blackouts first (they win), then windows, runs and changes; within a kind, by start. */
const ORDER: Record<string, number> = { blackout: 0, maintenance: 1, run: 2, change: 3 };
const rank = (i: CalendarItem) => ORDER[i.type === "window" ? i.kind : i.type] ?? 9;

export function sortItems<T extends CalendarItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.start.getTime() - b.start.getTime() || a.key.localeCompare(b.key),
  );
}

export function itemsOnDay<T extends CalendarItem>(items: readonly T[], d: CalendarDay): T[] {
  return sortItems(items.filter((i) => overlapsRange(i, d.start, d.end)));
}

export function hasConflict(item: CalendarItem): boolean {
  return item.type === "change" && item.conflicts.length > 0;
}

export interface Placed<T> {
  item: T;
  /** Fractions of the track, 0–1. */
  offset: number;
  size: number;
  lane: number;
  lanes: number;
}

/**
 * Place items on a track [from, to) by elapsed time and stack overlapping ones into lanes
 * (first free lane, greedy), so nothing hides behind another item.
 */
export function placeOnTrack<T extends { start: Date; end: Date; key: string }>(
  items: readonly T[],
  from: Date,
  to: Date,
  minSize = 0,
): Placed<T>[] {
  const a = from.getTime();
  const total = to.getTime() - a;
  if (total <= 0) return [];
  const sorted = [...items]
    .filter((i) => overlapsRange(i, from, to))
    .sort(
      (x, y) =>
        x.start.getTime() - y.start.getTime() ||
        y.end.getTime() - x.end.getTime() ||
        x.key.localeCompare(y.key),
    );
  const laneEnds: number[] = [];
  const placed: Placed<T>[] = [];
  for (const item of sorted) {
    const s = Math.max(item.start.getTime(), a);
    const e = Math.min(item.end.getTime(), to.getTime());
    const offset = (s - a) / total;
    const size = Math.max((e - s) / total, minSize);
    // Lanes free up at the drawn end, so a minimum-size sliver never overlaps its neighbour.
    const drawnEnd = Math.max(e, a + (offset + size) * total);
    let lane = laneEnds.findIndex((end) => end <= s);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = drawnEnd;
    placed.push({ item, offset, size, lane, lanes: 0 });
  }
  const lanes = Math.max(1, laneEnds.length);
  return placed.map((p) => ({ ...p, lanes }));
}

/**
 * The instant read on the site's wall clock as if it were UTC ("floating"). The week view
 * places items by wall time so they line up with its hour labels, even on a 23- or 25-hour
 * DST day.
 */
export function wallClock(d: Date, offsetMinutesAt: (d: Date) => number): Date {
  return new Date(d.getTime() + offsetMinutesAt(d) * 60_000);
}

/** placeOnTrack for one local day by wall-clock time (00:00–24:00 local). */
export function placeOnDay<T extends CalendarItem>(
  items: readonly T[],
  d: CalendarDay,
  offsetMinutesAt: (d: Date) => number,
  minSize = 0,
): Placed<T>[] {
  const dayStart = wallClock(d.start, offsetMinutesAt);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const shifted = items
    .filter((i) => overlapsRange(i, d.start, d.end))
    .map((item) => ({
      item,
      key: item.key,
      start: wallClock(item.start, offsetMinutesAt),
      end: wallClock(item.end, offsetMinutesAt),
    }));
  return placeOnTrack(shifted, dayStart, dayEnd, minSize).map((p) => ({ ...p, item: p.item.item }));
}
