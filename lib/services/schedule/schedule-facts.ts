import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray, isNotNull, lt, ne, or, gt, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assets, changeAssets, changes, sites, windows, productionRuns } from "@/db/schema";
import type { ChangeState } from "@/lib/domain/constants";
import {
  BOOKING_STATES,
  expandWindows,
  overlaps,
  type ConflictInput,
  type OtherChangeFacts,
  type ScheduleAsset,
  type SiteFacts,
} from "@/lib/domain/schedule";
import { loadRunsOverlapping, runFacts, type RunRow } from "./run-model";
import { loadWindowsOverlapping, windowDef, type WindowRow } from "./window-model";

export type ScheduleFacts = Omit<ConflictInput, "slot">;

interface AssetRow {
  id: string;
  tag: string;
  siteId: string;
  areaId: string | null;
  redundancyGroup: string | null;
}

/**
 * Redundancy groups are named per site ("A/B" at two plants are two groups); the rules key
 * them by name, so a change spanning sites gets names qualified with the site code.
 */
function groupKey(
  a: Pick<AssetRow, "siteId" | "redundancyGroup">,
  siteCodes: Map<string, string>,
  multiSite: boolean,
): string | null {
  if (a.redundancyGroup === null) return null;
  return multiSite ? `${siteCodes.get(a.siteId) ?? a.siteId} ${a.redundancyGroup}` : a.redundancyGroup;
}

/**
 * What a caller already loaded about the assets (the change services' context, the slot check):
 * their rows with their sites and, when known, every member of their redundancy groups, so
 * those queries are skipped.
 */
export interface KnownAssets {
  assets: readonly (AssetRow & { siteCode: string; siteName: string; timeZone: string })[];
  members?: readonly Member[];
}

type Member = Pick<AssetRow, "id" | "siteId" | "redundancyGroup">;

type BookingRow = Awaited<ReturnType<typeof bookingRows>>[number];

/** The rows behind loadBookings: one per (other change, asset) that may hold it in [from, to). */
function bookingRows(ex: Executor, where: SQL, from: Date, to: Date) {
  return ex
    .select({
      id: changes.id,
      number: changes.number,
      state: changes.state,
      plannedStart: changes.plannedStart,
      plannedEnd: changes.plannedEnd,
      actualStart: changes.actualStart,
      assetId: changeAssets.assetId,
    })
    .from(changeAssets)
    .innerJoin(changes, eq(changes.id, changeAssets.changeId))
    .where(
      and(
        where,
        inArray(changes.state, [...BOOKING_STATES]),
        isNotNull(changes.plannedStart),
        isNotNull(changes.plannedEnd),
        // An in-progress change holds its assets until it is completed, even past its slot.
        or(and(lt(changes.plannedStart, to), gt(changes.plannedEnd, from)), eq(changes.state, "in_progress")),
      ),
    );
}

/**
 * Pure: the changes holding assets in [from, to), from rows loaded for that range or a wider one
 * (a batch). Sorted by number, so the answer does not depend on the order the database chose.
 */
function bookingFacts(rows: readonly BookingRow[], from: Date, to: Date, now: Date): OtherChangeFacts[] {
  const byId = new Map<string, OtherChangeFacts>();
  for (const r of rows) {
    let entry = byId.get(r.id);
    if (!entry) {
      const start = r.state === "in_progress" && r.actualStart ? r.actualStart : r.plannedStart!;
      const overran = r.state === "in_progress" && r.plannedEnd!.getTime() <= now.getTime();
      const end = overran ? new Date(Math.max(to.getTime(), now.getTime() + 1)) : r.plannedEnd!;
      entry = { id: r.id, number: r.number, state: r.state as ChangeState, assetIds: [], start, end };
      byId.set(r.id, entry);
    }
    entry.assetIds.push(r.assetId);
  }
  return [...byId.values()]
    .filter((c) => c.start.getTime() < to.getTime() && c.end.getTime() > from.getTime())
    .sort((a, b) => a.number.localeCompare(b.number) || a.id.localeCompare(b.id));
}

/** Other changes holding any of these assets in [from, to), from one join. */
export async function loadBookings(
  ex: Executor,
  where: SQL,
  from: Date,
  to: Date,
  now: Date,
): Promise<OtherChangeFacts[]> {
  return bookingFacts(await bookingRows(ex, where, from, to), from, to, now);
}

/** One change's (or an unsaved draft's) question to the scheduling rules: these assets in [from, to). */
export interface ScheduleRequest {
  changeId: string | null;
  assetIds: readonly string[];
  from: Date;
  to: Date;
  /** The assets and their groups' members as the caller loaded them (skips those queries). */
  known?: KnownAssets;
}

/** What loadScheduleRows read for one request or a batch: each table once, over their union. */
export interface ScheduleRows {
  assetRows: AssetRow[];
  siteRows: { id: string; code: string; name: string; timeZone: string }[];
  members: Member[];
  windowRows: WindowRow[];
  runRows: RunRow[];
  bookingRows: BookingRow[];
}

const NO_ROWS: ScheduleRows = {
  assetRows: [],
  siteRows: [],
  members: [],
  windowRows: [],
  runRows: [],
  bookingRows: [],
};

const groupOf = (a: Pick<AssetRow, "siteId" | "redundancyGroup">) => `${a.siteId}|${a.redundancyGroup}`;

type AssetFacts = Pick<ScheduleRows, "assetRows" | "siteRows" | "members">;

const assetCols = {
  id: assets.id,
  tag: assets.tag,
  siteId: assets.siteId,
  areaId: assets.areaId,
  redundancyGroup: assets.redundancyGroup,
};

/** Every member of the assets' redundancy groups: one query, none when no asset is in a group. */
async function groupMembers(ex: Executor, assetRows: readonly AssetRow[]): Promise<Member[]> {
  const groupPairs = [
    ...new Map(assetRows.filter((a) => a.redundancyGroup !== null).map((a) => [groupOf(a), a])).values(),
  ];
  if (groupPairs.length === 0) return [];
  return ex
    .select(assetCols)
    .from(assets)
    .where(
      or(
        ...groupPairs.map((a) =>
          and(eq(assets.siteId, a.siteId), eq(assets.redundancyGroup, a.redundancyGroup!)),
        ),
      ),
    );
}

/** The assets, their sites and the members of their redundancy groups: three queries. */
async function assetsAndMembers(ex: Executor, ids: readonly string[]): Promise<AssetFacts> {
  const assetRows: AssetRow[] = await ex
    .select(assetCols)
    .from(assets)
    .where(inArray(assets.id, [...ids]));
  if (assetRows.length === 0) return { assetRows, siteRows: [], members: [] };
  const siteIds = [...new Set(assetRows.map((a) => a.siteId))];
  const siteRows = await ex.select().from(sites).where(inArray(sites.id, siteIds));
  return { assetRows, siteRows, members: await groupMembers(ex, assetRows) };
}

/**
 * The same from what the callers loaded with their changes: no query, or one for the group
 * members when a caller did not load them.
 */
async function fromKnown(
  ex: Executor,
  known: readonly KnownAssets[],
  ids: readonly string[],
): Promise<AssetFacts> {
  const wanted = new Set(ids);
  const all = new Map(known.flatMap((k) => k.assets).map((a) => [a.id, a]));
  const mine = [...all.values()].filter((a) => wanted.has(a.id));
  const assetRows = mine.map((a) => ({
    id: a.id,
    tag: a.tag,
    siteId: a.siteId,
    areaId: a.areaId,
    redundancyGroup: a.redundancyGroup,
  }));
  const siteRows = [
    ...new Map(
      mine.map((a) => [a.siteId, { id: a.siteId, code: a.siteCode, name: a.siteName, timeZone: a.timeZone }]),
    ).values(),
  ];
  const members = known.every((k) => k.members)
    ? [...new Map(known.flatMap((k) => k.members!).map((m) => [m.id, m])).values()]
    : await groupMembers(ex, assetRows);
  return { assetRows, siteRows, members };
}

/**
 * The rows the scheduling rules need for every request, one query per table whatever their
 * number: the assets and their sites, the members of their redundancy groups, windows of their
 * sites and runs of their areas over the union of the ranges, and the changes booking any of
 * the assets or members then. A wider range than a request's only adds rows that
 * scheduleFactsFrom leaves out again.
 */
export async function loadScheduleRows(
  ex: Executor,
  requests: readonly ScheduleRequest[],
): Promise<ScheduleRows> {
  const asked = requests.filter((r) => r.assetIds.length > 0);
  const ids = [...new Set(asked.flatMap((r) => r.assetIds))];
  if (ids.length === 0) return NO_ROWS;
  const known = asked.every((r) => r.known) ? asked.map((r) => r.known!) : null;
  const { assetRows, siteRows, members } = known
    ? await fromKnown(ex, known, ids)
    : await assetsAndMembers(ex, ids);
  if (assetRows.length === 0) return NO_ROWS;
  const siteIds = siteRows.map((s) => s.id);

  const from = new Date(Math.min(...asked.map((r) => r.from.getTime())));
  const to = new Date(Math.max(...asked.map((r) => r.to.getTime())));
  const windowRows = await loadWindowsOverlapping(ex, inArray(windows.siteId, siteIds), from, to);
  const areaIds = [...new Set(assetRows.map((a) => a.areaId).filter((a): a is string => a !== null))];
  const runRows = areaIds.length
    ? await loadRunsOverlapping(ex, inArray(productionRuns.areaId, areaIds), from, to)
    : [];
  const watched = [...new Set([...ids, ...members.map((m) => m.id)])];
  // Each request's own change is left out in scheduleFactsFrom; here only when there is one.
  const single = asked.length === 1 && asked[0]!.changeId ? ne(changes.id, asked[0]!.changeId) : undefined;
  const bookings = await bookingRows(ex, and(inArray(changeAssets.assetId, watched), single)!, from, to);
  return { assetRows, siteRows, members, windowRows, runRows, bookingRows: bookings };
}

/**
 * Pure: everything the scheduling rules need about one request, from rows loaded for it alone
 * or for a batch it belongs to; the answer is the same either way. Assets come in the request's
 * order, members, occurrences, runs and bookings in an order of their own (ids, instants).
 */
export function scheduleFactsFrom(
  rows: ScheduleRows,
  request: ScheduleRequest,
  now: Date,
): ScheduleFacts & { assetRows: AssetRow[] } {
  const { changeId, from, to } = request;
  const byId = new Map(rows.assetRows.map((a) => [a.id, a]));
  const assetRows = [...new Set(request.assetIds)].flatMap((id) => byId.get(id) ?? []);
  if (assetRows.length === 0)
    return {
      changeId,
      assets: [],
      needsDowntime: false,
      occurrences: [],
      productionRuns: [],
      otherChanges: [],
      redundancyGroups: {},
      sites: {},
      assetRows: [],
    };
  const siteIds = new Set(assetRows.map((a) => a.siteId));
  const siteRows = rows.siteRows.filter((s) => siteIds.has(s.id));
  const siteFacts: Record<string, SiteFacts> = Object.fromEntries(
    siteRows.map((s) => [s.id, { code: s.code, name: s.name, timeZone: s.timeZone }]),
  );
  const siteCodes = new Map(siteRows.map((s) => [s.id, s.code]));
  const multiSite = siteIds.size > 1;

  const groups = new Set(assetRows.filter((a) => a.redundancyGroup !== null).map(groupOf));
  const members = rows.members.filter((m) => groups.has(groupOf(m))).sort((a, b) => a.id.localeCompare(b.id));
  const redundancyGroups: Record<string, string[]> = {};
  for (const m of members) {
    const key = groupKey(m, siteCodes, multiSite)!;
    (redundancyGroups[key] ??= []).push(m.id);
  }

  const zoneOf = new Map(siteRows.map((s) => [s.id, s.timeZone]));
  const occurrences = expandWindows(
    rows.windowRows.filter((w) => siteIds.has(w.siteId)).map((w) => windowDef(w, zoneOf.get(w.siteId)!)),
    from,
    to,
  );
  const areaIds = new Set(assetRows.map((a) => a.areaId));
  const range = { start: from, end: to };
  const productionRuns = rows.runRows
    .filter((r) => areaIds.has(r.areaId) && overlaps(r, range))
    .map(runFacts);

  const watched = new Set([...assetRows.map((a) => a.id), ...members.map((m) => m.id)]);
  const otherChanges = bookingFacts(
    rows.bookingRows.filter((b) => b.id !== changeId && watched.has(b.assetId)),
    from,
    to,
    now,
  );

  const scheduleAssets: ScheduleAsset[] = assetRows.map((a) => ({
    id: a.id,
    tag: a.tag,
    siteId: a.siteId,
    areaId: a.areaId,
    redundancyGroup: groupKey(a, siteCodes, multiSite),
  }));
  return {
    changeId,
    assets: scheduleAssets,
    needsDowntime: false,
    occurrences,
    productionRuns,
    otherChanges,
    redundancyGroups,
    sites: siteFacts,
    assetRows,
  };
}

/**
 * Everything the scheduling rules need about these assets in [from, to): their sites and
 * areas, the members of their redundancy groups, window occurrences of their sites,
 * production runs of their areas, and other changes booking any of those assets.
 * One query per table; occurrences are expanded for the range only.
 */
export async function loadScheduleFacts(
  ex: Executor,
  params: ScheduleRequest & { now?: Date },
): Promise<ScheduleFacts & { assetRows: AssetRow[] }> {
  return scheduleFactsFrom(await loadScheduleRows(ex, [params]), params, params.now ?? currentTime());
}
