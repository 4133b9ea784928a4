import "server-only";
import {
  and,
  arrayContained,
  arrayContains,
  eq,
  gt,
  gte,
  isNotNull,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { assets, changeAssets, changes, productionRuns, windows } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeState, ProductionImpact } from "@/lib/domain/constants";
import {
  BOOKING_STATES,
  detectConflicts,
  toLocalIso,
  type Conflict,
  type OtherChangeFacts,
  type ScheduleAsset,
} from "@/lib/domain/schedule";
import { scheduleRangeSchema, type ScheduleRangeInput } from "@/lib/schemas/schedule";
import { requireSitePermission } from "@/lib/services/authorize";
import { visibleSiteIds } from "../changes/internal/access";
import { needsDowntime } from "./conflicts-for-change";
import { expandRows } from "./window-model";
import { loadRunsOverlapping, runFacts, runView } from "./run-model";
import { readRange, siteFor, type SiteContext } from "./site-context";
import { loadWindowsOverlapping, occurrenceView } from "./window-model";
import type { OccurrenceView, RunView } from "@/lib/types/schedule";

export interface CalendarChange {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
  plannedStart: Date;
  plannedEnd: Date;
  localStart: string;
  localEnd: string;
  areaCodes: string[];
  assetTags: string[];
  /** Findings for open changes (submitted, approved, in progress) from the same rules as the gate; empty otherwise. */
  conflicts: Conflict[];
}

export interface CalendarData {
  site: { code: string; name: string; timeZone: string; areas: { id: string; code: string; name: string }[] };
  from: Date;
  to: Date;
  occurrences: OccurrenceView[];
  productionRuns: RunView[];
  changes: CalendarChange[];
}

const DAY_MS = 86_400_000;
/** Changes that start before the view or end after it still collide with those inside it. */
const EDGE_MS = 7 * DAY_MS;
/**
 * How long before the view a change may have started and still be drawn. Bounding the start
 * lets the planned_start index do the work instead of scanning the site's whole history;
 * a slot planned longer than this is not a realistic change (the gate judges it regardless).
 */
const LOOKBACK_MS = 31 * DAY_MS;
/** Drafts are not scheduled yet; rejected and cancelled changes will not happen. */
const HIDDEN_STATES: ChangeState[] = ["draft", "rejected", "cancelled"];

interface ChangeRowLite {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
  plannedStart: Date;
  plannedEnd: Date;
  expectedDowntimeMinutes: number;
  productionImpact: ProductionImpact;
}

interface AssetLink {
  changeId: string;
  id: string;
  tag: string;
  siteId: string;
  areaId: string | null;
  redundancyGroup: string | null;
}

/**
 * The site's scheduled changes around the range with their assets at this site, in one statement.
 * A multi-site change is listed only for a viewer who may see every one of its sites, as its page
 * is. Single-site and multi-site changes are two branches of a UNION ALL so that each walks an
 * index of its own (changes_site_start_idx, changes_multisite_start_idx) over the range alone,
 * instead of the planned-start index over every site's changes (bench/README.md).
 */
async function loadChanges(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor,
  site: SiteContext,
  from: Date,
  to: Date,
): Promise<{ rows: ChangeRowLite[]; links: AssetLink[] }> {
  const branch = (ofSite: SQL) =>
    db
      .select({
        id: changes.id,
        number: changes.number,
        title: changes.title,
        state: changes.state,
        plannedStart: changes.plannedStart,
        plannedEnd: changes.plannedEnd,
        expectedDowntimeMinutes: changes.expectedDowntimeMinutes,
        productionImpact: changes.productionImpact,
        assetId: assets.id,
        tag: assets.tag,
        areaId: assets.areaId,
        redundancyGroup: assets.redundancyGroup,
      })
      .from(changes)
      .innerJoin(changeAssets, and(eq(changeAssets.changeId, changes.id), eq(changeAssets.siteId, site.id)))
      .innerJoin(assets, eq(assets.id, changeAssets.assetId))
      .where(
        and(
          ofSite,
          notInArray(changes.state, HIDDEN_STATES),
          isNotNull(changes.plannedStart),
          isNotNull(changes.plannedEnd),
          lt(changes.plannedStart, new Date(to.getTime() + EDGE_MS)),
          gte(changes.plannedStart, new Date(from.getTime() - EDGE_MS - LOOKBACK_MS)),
          gt(changes.plannedEnd, new Date(from.getTime() - EDGE_MS)),
        ),
      );
  const joined = await unionAll(
    // The caller may see this site (siteFor), so its single-site changes need no other check.
    branch(sql`${changes.siteIds} = array[${site.id}::uuid]`),
    branch(
      and(
        sql`cardinality(${changes.siteIds}) > 1`,
        arrayContains(changes.siteIds, [site.id]),
        arrayContained(changes.siteIds, visibleSiteIds(actor)),
      )!,
    ),
  );
  joined.sort(
    (a, b) =>
      a.plannedStart!.getTime() - b.plannedStart!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows = new Map<string, ChangeRowLite>();
  const links: AssetLink[] = [];
  for (const r of joined) {
    if (!rows.has(r.id)) rows.set(r.id, r as ChangeRowLite);
    links.push({
      changeId: r.id,
      id: r.assetId,
      tag: r.tag,
      siteId: site.id,
      areaId: r.areaId,
      redundancyGroup: r.redundancyGroup,
    });
  }
  return { rows: [...rows.values()], links };
}

/**
 * Everything the month, week and timeline views draw for one site and range: window
 * occurrences, production runs, scheduled changes with their areas, and each open change's
 * conflicts. One query per table (changes, their assets and areas in one join) plus the
 * expansion of the windows in range.
 */
export async function calendarData(actor: Actor, input: ScheduleRangeInput): Promise<CalendarData> {
  const q = scheduleRangeSchema.parse(input);
  const db = await getDb();
  const site = await siteFor(db, actor, q.site, "window.view");
  requireSitePermission(actor, "change.view", site.id, "Site");
  const { from, to } = readRange(site, q.from, q.to);
  const edgeFrom = new Date(from.getTime() - EDGE_MS);
  const edgeTo = new Date(to.getTime() + EDGE_MS);

  const [windowRows, runRows, { rows: changeRows, links }] = [
    await loadWindowsOverlapping(db, eq(windows.siteId, site.id), edgeFrom, edgeTo),
    await loadRunsOverlapping(db, eq(productionRuns.siteId, site.id), edgeFrom, edgeTo),
    await loadChanges(db, actor, site, from, to),
  ];
  const groups = [...new Set(links.map((l) => l.redundancyGroup).filter((g): g is string => g !== null))];
  const members = groups.length
    ? await db
        .select({ id: assets.id, group: assets.redundancyGroup })
        .from(assets)
        .where(and(eq(assets.siteId, site.id), or(...groups.map((g) => eq(assets.redundancyGroup, g)))))
    : [];

  const occurrences = expandRows(windowRows, site, edgeFrom, edgeTo);
  const facts = runRows.map(runFacts);
  const assetsOf = new Map<string, ScheduleAsset[]>();
  for (const l of links) {
    const list = assetsOf.get(l.changeId) ?? [];
    list.push({
      id: l.id,
      tag: l.tag,
      siteId: l.siteId,
      areaId: l.areaId,
      redundancyGroup: l.redundancyGroup,
    });
    assetsOf.set(l.changeId, list);
  }
  const bookings: OtherChangeFacts[] = changeRows
    .filter((c) => BOOKING_STATES.includes(c.state))
    .map((c) => ({
      id: c.id,
      number: c.number,
      state: c.state,
      assetIds: (assetsOf.get(c.id) ?? []).map((a) => a.id),
      start: c.plannedStart,
      end: c.plannedEnd,
    }));
  const redundancyGroups: Record<string, string[]> = {};
  for (const m of members) (redundancyGroups[m.group!] ??= []).push(m.id);
  const sites = { [site.id]: { code: site.code, name: site.name, timeZone: site.timeZone } };
  const overlapsView = (s: Date, e: Date) => s.getTime() < to.getTime() && e.getTime() > from.getTime();

  const calendarChanges = changeRows
    .filter((c) => overlapsView(c.plannedStart, c.plannedEnd))
    .map((c): CalendarChange => {
      const own = assetsOf.get(c.id) ?? [];
      const [s, e] = [c.plannedStart.getTime(), c.plannedEnd.getTime()];
      // Only what can touch this slot (later openings stay, for the "next window" hint);
      // the rules would skip the rest anyway, at a cost per change.
      const conflicts =
        BOOKING_STATES.includes(c.state) && own.length
          ? detectConflicts({
              slot: { start: c.plannedStart, end: c.plannedEnd },
              changeId: c.id,
              assets: own,
              needsDowntime: needsDowntime(c),
              occurrences: occurrences.filter((o) => o.end.getTime() > s),
              productionRuns: facts.filter(
                (r) => r.end.getTime() > s && (r.kind === "turnaround" || r.start.getTime() < e),
              ),
              otherChanges: bookings.filter((b) => b.start.getTime() < e && b.end.getTime() > s),
              redundancyGroups,
              sites,
            })
          : [];
      return {
        id: c.id,
        number: c.number,
        title: c.title,
        state: c.state,
        plannedStart: c.plannedStart,
        plannedEnd: c.plannedEnd,
        localStart: toLocalIso(c.plannedStart, site.timeZone),
        localEnd: toLocalIso(c.plannedEnd, site.timeZone),
        areaCodes: [
          ...new Set(
            own
              .map((a) => (a.areaId ? site.areaById.get(a.areaId)?.code : undefined))
              .filter((x): x is string => !!x),
          ),
        ].sort(),
        assetTags: own.map((a) => a.tag).sort(),
        conflicts,
      };
    });

  return {
    site: { code: site.code, name: site.name, timeZone: site.timeZone, areas: site.areas },
    from,
    to,
    occurrences: occurrences.filter((o) => overlapsView(o.start, o.end)).map((o) => occurrenceView(o, site)),
    productionRuns: runRows.filter((r) => overlapsView(r.start, r.end)).map((r) => runView(r, site)),
    changes: calendarChanges,
  };
}
