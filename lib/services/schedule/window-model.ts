import "server-only";
import { and, eq, gt, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { windows } from "@/db/schema";
import {
  MAX_COUNT,
  OccurrenceLimitError,
  expandWindow,
  expandWindows,
  localToUtc,
  parseRule,
  summarizeWindow,
  untilFloating,
  validateWindowDef,
  type Occurrence,
  type WindowDef,
} from "@/lib/domain/schedule";
import { invalid } from "@/lib/services/base/errors";
import { areaCodesOf, type SiteContext } from "./site-context";
import type { OccurrenceView, WindowView } from "@/lib/types/schedule";

export type WindowRow = typeof windows.$inferSelect;

const DAY_MS = 86_400_000;

export function windowDef(
  row: Pick<
    WindowRow,
    | "id"
    | "siteId"
    | "kind"
    | "title"
    | "areaIds"
    | "localStart"
    | "durationMinutes"
    | "rrule"
    | "untilLocal"
    | "exdatesLocal"
  >,
  timeZone: string,
): WindowDef {
  return {
    id: row.id,
    siteId: row.siteId,
    kind: row.kind,
    title: row.title,
    areaIds: row.areaIds,
    localStart: row.localStart,
    durationMinutes: row.durationMinutes,
    rrule: row.rrule,
    untilLocal: row.untilLocal,
    exdatesLocal: row.exdatesLocal,
    timeZone,
  };
}

export function windowView(row: WindowRow, site: SiteContext): WindowView {
  return {
    id: row.id,
    siteCode: site.code,
    kind: row.kind,
    title: row.title,
    areaCodes: areaCodesOf(site, row.areaIds),
    start: row.localStart,
    durationMinutes: row.durationMinutes,
    rrule: row.rrule,
    until: row.untilLocal,
    cancelledOccurrences: [...row.exdatesLocal].sort(),
    timeZone: site.timeZone,
    summary: summarizeWindow(windowDef(row, site.timeZone)),
    sequence: row.sequence,
    updatedAt: row.updatedAt,
  };
}

export function occurrenceView(o: Occurrence, site: SiteContext): OccurrenceView {
  return {
    windowId: o.windowId,
    kind: o.kind,
    title: o.title,
    siteCode: site.code,
    areaCodes: areaCodesOf(site, o.areaIds),
    start: o.start,
    end: o.end,
    localStart: o.localStart,
    localEnd: o.localEnd,
    timeZone: o.timeZone,
    zoneAbbr: o.zoneAbbr,
    recurrenceId: o.recurrenceId,
  };
}

/** Maps the rules' objection to the API field it came from. */
const FIELD: Partial<Record<keyof WindowDef, string>> = {
  localStart: "start",
  durationMinutes: "durationMinutes",
  rrule: "rrule",
  untilLocal: "until",
  exdatesLocal: "occurrenceStart",
};

/**
 * Validates the definition and derives the UTC bounds that let range queries skip
 * windows without expanding them: the first start, and the end of the last occurrence
 * (null while the series is open-ended).
 */
export function checkedBounds(def: WindowDef): { firstStartAt: Date; seriesEndsAt: Date | null } {
  const check = validateWindowDef(def);
  if (!check.ok)
    throw invalid(check.message, [{ path: FIELD[check.field] ?? check.field, message: check.message }]);
  const firstStartAt = localToUtc(def.localStart, def.timeZone);
  const durationMs = def.durationMinutes * 60_000;
  if (def.rrule === null)
    return { firstStartAt, seriesEndsAt: new Date(firstStartAt.getTime() + durationMs) };
  const rule = parseRule(def.rrule);
  if (!rule.ok) throw invalid(rule.message, [{ path: "rrule", message: rule.message }]);
  const ends: number[] = [];
  // Floating ms read as UTC are within a day of the real instant in any zone.
  if (def.untilLocal !== null) ends.push(untilFloating(def.untilLocal)! + DAY_MS + durationMs);
  if (rule.rule.until?.kind === "local") ends.push(rule.rule.until.floating + DAY_MS + durationMs);
  if (rule.rule.until?.kind === "utc") ends.push(rule.rule.until.instant + durationMs);
  if (ends.length) return { firstStartAt, seriesEndsAt: new Date(Math.min(...ends)) };
  if (rule.rule.count !== null) {
    const all = expandWindow(def, firstStartAt, new Date(Date.UTC(9000, 0, 1)), {
      maxOccurrences: MAX_COUNT,
    });
    const last = all[all.length - 1];
    return { firstStartAt, seriesEndsAt: last ? last.end : new Date(firstStartAt.getTime() + durationMs) };
  }
  return { firstStartAt, seriesEndsAt: null };
}

/** Live windows of these sites that may have an occurrence overlapping [from, to). */
export function windowsOverlapping(siteIds: SQL, from: Date, to: Date): SQL {
  return and(
    siteIds,
    isNull(windows.deletedAt),
    lt(windows.firstStartAt, to),
    or(isNull(windows.seriesEndsAt), gt(windows.seriesEndsAt, from)),
  )!;
}

export async function loadWindowsOverlapping(
  ex: Executor,
  siteIds: SQL,
  from: Date,
  to: Date,
): Promise<WindowRow[]> {
  return ex
    .select()
    .from(windows)
    .where(windowsOverlapping(siteIds, from, to));
}

export async function lockWindow(ex: Executor, id: string): Promise<WindowRow | undefined> {
  const [row] = await ex
    .select()
    .from(windows)
    .where(and(eq(windows.id, id), isNull(windows.deletedAt)))
    .for("update");
  return row;
}

/** Expands the windows in range; a range too dense to expand safely is the caller's error, not a 500. */
export function expandRows(rows: WindowRow[], site: SiteContext, from: Date, to: Date) {
  try {
    return expandWindows(
      rows.map((r) => windowDef(r, site.timeZone)),
      from,
      to,
    );
  } catch (e) {
    if (e instanceof OccurrenceLimitError)
      throw invalid(e.message, [{ path: "to", message: "Ask for a shorter range." }]);
    throw e;
  }
}
