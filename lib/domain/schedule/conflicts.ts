// Scheduling conflicts of a proposed slot (PRODUCT.md "The deployment gate", rules 2–5).
// Every rule runs and every finding is reported, so the planner sees all of them at once.
// Intervals are half-open: a window ending at 04:00 does not touch a slot starting then.
import type {
  Conflict,
  ConflictInput,
  Occurrence,
  OtherChangeFacts,
  ProductionRunFacts,
  ScheduleAsset,
  TimeSlot,
} from "./types";
import type { ChangeState } from "../constants";
import { formatLocal, formatLocalRange } from "./time";
import { contains, intersect, intersection, overlaps, span, toSlot, union, type Span } from "./intervals";

export { contains, intersection, overlaps } from "./intervals";

/** States in which a change holds its assets for its planned slot. */
export const BOOKING_STATES: readonly ChangeState[] = ["submitted", "approved", "in_progress"];

/** An asset without an area is reached only by site-wide windows and blackouts. */
export function appliesToArea(areaIds: readonly string[], areaId: string | null): boolean {
  return areaIds.length === 0 || (areaId !== null && areaIds.includes(areaId));
}

/** Maintenance occurrences and turnarounds that open (site, area) for work. */
export interface Opening {
  objectType: "window" | "production_run";
  objectId: string;
  title: string;
  start: Date;
  end: Date;
}

export function openingsFor(
  siteId: string,
  areaId: string | null,
  occurrences: readonly Occurrence[],
  runs: readonly ProductionRunFacts[],
): Opening[] {
  const fromWindows = occurrences
    .filter((o) => o.kind === "maintenance" && o.siteId === siteId && appliesToArea(o.areaIds, areaId))
    .map((o): Opening => ({
      objectType: "window",
      objectId: o.windowId,
      title: o.title,
      start: o.start,
      end: o.end,
    }));
  // "A turnaround counts as a maintenance window for its areas."
  const fromTurnarounds = runs
    .filter((r) => r.kind === "turnaround" && r.siteId === siteId && areaId !== null && r.areaId === areaId)
    .map((r): Opening => ({
      objectType: "production_run",
      objectId: r.id,
      title: r.title,
      start: r.start,
      end: r.end,
    }));
  return [...fromWindows, ...fromTurnarounds].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Openings that contain the whole slot for (site, area). */
export function occurrencesCovering(
  slot: TimeSlot,
  siteId: string,
  areaId: string | null,
  occurrences: readonly Occurrence[],
  runs: readonly ProductionRunFacts[] = [],
): Opening[] {
  return openingsFor(siteId, areaId, occurrences, runs).filter((o) => contains(o, slot));
}

interface Scope {
  siteId: string;
  areaId: string | null;
  assets: ScheduleAsset[];
}

function scopesOf(assets: readonly ScheduleAsset[]): Scope[] {
  const byKey = new Map<string, Scope>();
  for (const a of assets) {
    const key = `${a.siteId}\u0000${a.areaId ?? ""}`;
    const scope = byKey.get(key) ?? { siteId: a.siteId, areaId: a.areaId, assets: [] };
    scope.assets.push(a);
    byKey.set(key, scope);
  }
  return [...byKey.values()];
}

function tags(assets: readonly ScheduleAsset[]): string {
  const names = assets.map((a) => a.tag);
  return names.length <= 5
    ? names.join(", ")
    : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

function zoneOf(input: ConflictInput, siteId: string, fallback = "UTC"): string {
  return input.sites[siteId]?.timeZone ?? fallback;
}

function siteLabel(input: ConflictInput, siteId: string): string {
  return input.sites[siteId]?.code ?? siteId;
}

function outsideWindow(input: ConflictInput): Conflict[] {
  const out: Conflict[] = [];
  for (const scope of scopesOf(input.assets)) {
    const openings = openingsFor(scope.siteId, scope.areaId, input.occurrences, input.productionRuns);
    if (openings.some((o) => contains(o, input.slot))) continue;
    const tz = zoneOf(input, scope.siteId);
    const who = `${tags(scope.assets)} at ${siteLabel(input, scope.siteId)}`;
    const partial = openings
      .map((o) => ({ o, overlap: intersection(o, input.slot) }))
      .filter((x): x is { o: Opening; overlap: TimeSlot } => x.overlap !== null)
      .sort(
        (a, b) => span(b.overlap).end - span(b.overlap).start - (span(a.overlap).end - span(a.overlap).start),
      )[0];
    const next = openings.find((o) => o.start.getTime() > input.slot.start.getTime());
    const base = { code: "outside_window" as const, assetIds: scope.assets.map((a) => a.id), blocking: true };
    if (partial) {
      const what = partial.o.objectType === "window" ? "maintenance window" : "turnaround";
      out.push({
        ...base,
        message: `Outside maintenance window for ${who}: ${what} '${partial.o.title}' covers only ${formatLocalRange(partial.o.start, partial.o.end, tz)}`,
        objectType: partial.o.objectType,
        objectId: partial.o.objectId,
        overlap: partial.overlap,
      });
    } else {
      const hint = next ? `next window opens ${formatLocal(next.start, tz)}` : "no later window is scheduled";
      out.push({
        ...base,
        message: `Outside maintenance window for ${who} (${hint})`,
        objectType: next?.objectType ?? null,
        objectId: next?.objectId ?? null,
        overlap: null,
      });
    }
  }
  return out;
}

function blackouts(input: ConflictInput): Conflict[] {
  const out: Conflict[] = [];
  for (const occ of input.occurrences) {
    if (occ.kind !== "blackout") continue;
    const overlap = intersection(occ, input.slot);
    if (!overlap) continue;
    const hit = input.assets.filter((a) => a.siteId === occ.siteId && appliesToArea(occ.areaIds, a.areaId));
    if (hit.length === 0) continue;
    const tz = zoneOf(input, occ.siteId, occ.timeZone);
    out.push({
      code: "blackout_active",
      message: `Blackout '${occ.title}' covers ${formatLocalRange(overlap.start, overlap.end, tz)} (${tags(hit)})`,
      objectType: "window",
      objectId: occ.windowId,
      assetIds: hit.map((a) => a.id),
      overlap,
      blocking: true,
    });
  }
  return out;
}

function bookings(input: ConflictInput, onlyInProgress = false): OtherChangeFacts[] {
  return input.otherChanges.filter(
    (c) =>
      c.id !== input.changeId &&
      (onlyInProgress ? c.state === "in_progress" : BOOKING_STATES.includes(c.state)) &&
      overlaps(c, input.slot),
  );
}

function assetBusy(input: ConflictInput): Conflict[] {
  const out: Conflict[] = [];
  for (const other of bookings(input)) {
    const shared = input.assets.filter((a) => other.assetIds.includes(a.id));
    const first = shared[0];
    if (!first) continue;
    const overlap = intersection(other, input.slot)!;
    const state = other.state.replace("_", " ");
    const subject = shared.length === 1 ? `Asset ${first.tag} is` : `Assets ${tags(shared)} are`;
    out.push({
      code: "asset_busy",
      message: `${subject} also booked by ${other.number} (${state}) for ${formatLocalRange(overlap.start, overlap.end, zoneOf(input, first.siteId))}`,
      objectType: "change",
      objectId: other.id,
      assetIds: shared.map((a) => a.id),
      overlap,
      blocking: other.state === "in_progress",
    });
  }
  return out;
}

/** When, within the slot, every member is under some change at once. */
function allMembersDown(
  members: string[],
  ownIds: Set<string>,
  slot: Span,
  others: OtherChangeFacts[],
): Span[] {
  let down: Span[] = [slot];
  for (const member of members) {
    if (ownIds.has(member)) continue;
    const busy = others.filter((c) => c.assetIds.includes(member)).map(span);
    down = intersect(down, union(busy));
    if (down.length === 0) break;
  }
  return down;
}

function redundancy(input: ConflictInput): Conflict[] {
  const out: Conflict[] = [];
  const ownIds = new Set(input.assets.map((a) => a.id));
  const slot = span(input.slot);
  const groups = [
    ...new Set(input.assets.map((a) => a.redundancyGroup).filter((g): g is string => g !== null)),
  ];
  for (const group of groups.sort()) {
    const own = input.assets.filter((a) => a.redundancyGroup === group);
    const members = [...new Set([...(input.redundancyGroups[group] ?? []), ...own.map((a) => a.id)])];
    // A group of one has no redundancy to lose.
    if (members.length < 2) continue;
    const down = allMembersDown(members, ownIds, slot, bookings(input))[0];
    if (!down) continue;
    const blocking = allMembersDown(members, ownIds, slot, bookings(input, true)).length > 0;
    const involved = bookings(input).filter(
      (c) =>
        c.start.getTime() < down.end &&
        down.start < c.end.getTime() &&
        c.assetIds.some((id) => members.includes(id) && !ownIds.has(id)),
    );
    const with_ = involved.length
      ? `this change and ${involved.map((c) => c.number).join(", ")}`
      : "this change alone";
    out.push({
      code: "redundancy_lost",
      message: `Redundancy group '${group}' would have every member under change ${formatLocalRange(new Date(down.start), new Date(down.end), zoneOf(input, own[0]!.siteId))} (${with_})`,
      objectType: involved[0] ? "change" : null,
      objectId: involved[0]?.id ?? null,
      assetIds: members,
      overlap: toSlot(down),
      blocking,
    });
  }
  return out;
}

function production(input: ConflictInput): Conflict[] {
  if (!input.needsDowntime) return [];
  const out: Conflict[] = [];
  for (const run of input.productionRuns) {
    if (run.kind === "turnaround" || run.criticality !== "critical") continue;
    const overlap = intersection(run, input.slot);
    if (!overlap) continue;
    const hit = input.assets.filter((a) => a.siteId === run.siteId && a.areaId === run.areaId);
    if (hit.length === 0) continue;
    out.push({
      code: "production_conflict",
      message: `Critical production run '${run.title}' overlaps ${formatLocalRange(overlap.start, overlap.end, zoneOf(input, run.siteId))} in the area of ${tags(hit)}; the change needs downtime`,
      objectType: "production_run",
      objectId: run.id,
      assetIds: hit.map((a) => a.id),
      overlap,
      blocking: true,
    });
  }
  return out;
}

const byOverlap = (a: Conflict, b: Conflict) =>
  (a.overlap?.start.getTime() ?? 0) - (b.overlap?.start.getTime() ?? 0) ||
  (a.objectId ?? "").localeCompare(b.objectId ?? "");

/**
 * All scheduling conflicts of the slot, grouped by code in gate order. Occurrences, runs
 * and changes that do not overlap the slot are ignored, except that maintenance
 * occurrences and turnarounds after the slot start are named as the "next window".
 */
export function detectConflicts(input: ConflictInput): Conflict[] {
  const { start, end } = span(input.slot);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw new RangeError("The slot must end after it starts");
  }
  return [
    ...outsideWindow(input),
    ...blackouts(input).sort(byOverlap),
    ...assetBusy(input).sort(byOverlap),
    ...redundancy(input),
    ...production(input).sort(byOverlap),
  ];
}
