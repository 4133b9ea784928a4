import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray, isNotNull, lt, ne, or, gt, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assets, changeAssets, changes, sites, windows, productionRuns } from "@/db/schema";
import type { ChangeState } from "@/lib/domain/constants";
import {
  BOOKING_STATES,
  expandWindows,
  type ConflictInput,
  type OtherChangeFacts,
  type ScheduleAsset,
  type SiteFacts,
} from "@/lib/domain/schedule";
import { loadRunsOverlapping, runFacts } from "./run-model";
import { loadWindowsOverlapping, windowDef } from "./window-model";

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
 * What a caller already loaded about the assets (the change services' context): their rows with
 * their sites, and every member of their redundancy groups, so those three queries are skipped.
 */
export interface KnownAssets {
  assets: readonly (AssetRow & { siteCode: string; siteName: string; timeZone: string })[];
  members: readonly Pick<AssetRow, "id" | "siteId" | "redundancyGroup">[];
}

/** Other changes holding any of these assets in [from, to), from one join. */
export async function loadBookings(
  ex: Executor,
  where: SQL,
  from: Date,
  to: Date,
  now: Date,
): Promise<OtherChangeFacts[]> {
  const rows = await ex
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
  return [...byId.values()].filter(
    (c) => c.start.getTime() < to.getTime() && c.end.getTime() > from.getTime(),
  );
}

/**
 * Everything the scheduling rules need about these assets in [from, to): their sites and
 * areas, the members of their redundancy groups, window occurrences of their sites,
 * production runs of their areas, and other changes booking any of those assets.
 * One query per table; occurrences are expanded for the range only.
 */
export async function loadScheduleFacts(
  ex: Executor,
  params: {
    changeId: string | null;
    assetIds: readonly string[];
    from: Date;
    to: Date;
    now?: Date;
    known?: KnownAssets;
  },
): Promise<ScheduleFacts & { assetRows: AssetRow[] }> {
  const { changeId, from, to } = params;
  const now = params.now ?? currentTime();
  const ids = [...new Set(params.assetIds)];
  const empty = {
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
  if (ids.length === 0) return empty;
  const cols = {
    id: assets.id,
    tag: assets.tag,
    siteId: assets.siteId,
    areaId: assets.areaId,
    redundancyGroup: assets.redundancyGroup,
  };
  const known = params.known;
  const assetRows: AssetRow[] = known
    ? known.assets
        .filter((a) => ids.includes(a.id))
        .map((a) => ({
          id: a.id,
          tag: a.tag,
          siteId: a.siteId,
          areaId: a.areaId,
          redundancyGroup: a.redundancyGroup,
        }))
    : await ex.select(cols).from(assets).where(inArray(assets.id, ids));
  if (assetRows.length === 0) return empty;
  const siteIds = [...new Set(assetRows.map((a) => a.siteId))];
  const siteRows = known
    ? [
        ...new Map(
          known.assets.map((a) => [
            a.siteId,
            { id: a.siteId, code: a.siteCode, name: a.siteName, timeZone: a.timeZone },
          ]),
        ).values(),
      ].filter((s) => siteIds.includes(s.id))
    : await ex.select().from(sites).where(inArray(sites.id, siteIds));
  const siteFacts: Record<string, SiteFacts> = Object.fromEntries(
    siteRows.map((s) => [s.id, { code: s.code, name: s.name, timeZone: s.timeZone }]),
  );
  const siteCodes = new Map(siteRows.map((s) => [s.id, s.code]));
  const multiSite = siteIds.length > 1;

  const groupPairs = [
    ...new Map(
      assetRows.filter((a) => a.redundancyGroup !== null).map((a) => [`${a.siteId}|${a.redundancyGroup}`, a]),
    ).values(),
  ];
  const members: Pick<AssetRow, "id" | "siteId" | "redundancyGroup">[] = known
    ? known.members.filter((m) =>
        groupPairs.some((a) => a.siteId === m.siteId && a.redundancyGroup === m.redundancyGroup),
      )
    : groupPairs.length
      ? await ex
          .select(cols)
          .from(assets)
          .where(
            or(
              ...groupPairs.map((a) =>
                and(eq(assets.siteId, a.siteId), eq(assets.redundancyGroup, a.redundancyGroup!)),
              ),
            ),
          )
      : [];
  const redundancyGroups: Record<string, string[]> = {};
  for (const m of members) {
    const key = groupKey(m, siteCodes, multiSite)!;
    (redundancyGroups[key] ??= []).push(m.id);
  }

  const zoneOf = new Map(siteRows.map((s) => [s.id, s.timeZone]));
  const windowRows = await loadWindowsOverlapping(ex, inArray(windows.siteId, siteIds), from, to);
  const occurrences = expandWindows(
    windowRows.map((w) => windowDef(w, zoneOf.get(w.siteId)!)),
    from,
    to,
  );

  const areaIds = [...new Set(assetRows.map((a) => a.areaId).filter((a): a is string => a !== null))];
  const runRows = areaIds.length
    ? await loadRunsOverlapping(ex, inArray(productionRuns.areaId, areaIds), from, to)
    : [];

  const watched = [...new Set([...ids, ...members.map((m) => m.id)])];
  const mine = changeId ? ne(changes.id, changeId) : undefined;
  const otherChanges = await loadBookings(
    ex,
    and(inArray(changeAssets.assetId, watched), mine)!,
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
    productionRuns: runRows.map(runFacts),
    otherChanges,
    redundancyGroups,
    sites: siteFacts,
    assetRows,
  };
}
