import "server-only";
import { currentTime } from "@/lib/clock";
import { and, arrayContained, arrayContains, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets, changeAssets, changes, windows } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeState } from "@/lib/domain/constants";
import { hasSitePermission } from "@/lib/auth/permissions";
import { visibleSiteIds } from "../changes/internal/access";
import { buildIcs } from "./ics-build";
import { siteFor } from "./site-context";
import { windowDef, windowView } from "./window-model";

const DAY_MS = 86_400_000;
/** How far back the feed keeps ended series and past changes; calendars keep their own history. */
const FEED_PAST_DAYS = 90;
const FEED_CHANGE_STATES: ChangeState[] = ["submitted", "approved", "in_progress"];
const MAX_FEED_CHANGES = 5000;

/**
 * GET /api/v1/calendar/{siteCode}.ics: the site's windows and blackouts as recurring events
 * and its scheduled changes, with the site's VTIMEZONE. Sites the actor cannot see are 404.
 */
export async function calendarIcs(
  actor: Actor,
  siteCode: string,
  options: { baseUrl?: string | null; now?: Date } = {},
): Promise<string> {
  const db = await getDb();
  const site = await siteFor(db, actor, siteCode, "window.view");
  const now = options.now ?? currentTime();
  const since = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const windowRows = await db
    .select()
    .from(windows)
    .where(
      and(
        eq(windows.siteId, site.id),
        isNull(windows.deletedAt),
        or(isNull(windows.seriesEndsAt), gt(windows.seriesEndsAt, since)),
      ),
    )
    .orderBy(windows.firstStartAt, windows.id);
  const canSeeChanges = hasSitePermission(actor, "change.view", site.id);
  const changeRows = canSeeChanges
    ? await db
        .select()
        .from(changes)
        .where(
          and(
            arrayContains(changes.siteIds, [site.id]),
            // A multi-site change only for a subscriber who may see all its sites.
            arrayContained(changes.siteIds, visibleSiteIds(actor)),
            inArray(changes.state, FEED_CHANGE_STATES),
            isNotNull(changes.plannedStart),
            gt(changes.plannedEnd, since),
          ),
        )
        .orderBy(changes.plannedStart, changes.id)
        .limit(MAX_FEED_CHANGES)
    : [];
  const areaLinks = changeRows.length
    ? await db
        .selectDistinct({ changeId: changeAssets.changeId, areaId: assets.areaId })
        .from(changeAssets)
        .innerJoin(assets, eq(assets.id, changeAssets.assetId))
        .where(
          and(
            inArray(
              changeAssets.changeId,
              changeRows.map((c) => c.id),
            ),
            eq(changeAssets.siteId, site.id),
          ),
        )
    : [];
  const areaCodes = (changeId: string) =>
    [
      ...new Set(
        areaLinks
          .filter((l) => l.changeId === changeId && l.areaId)
          .map((l) => site.areaById.get(l.areaId!)?.code ?? ""),
      ),
    ]
      .filter(Boolean)
      .sort();
  return buildIcs({
    site,
    baseUrl: options.baseUrl ?? null,
    now,
    windows: windowRows.map((w) => {
      const view = windowView(w, site);
      return {
        def: windowDef(w, site.timeZone),
        sequence: w.sequence,
        summary: view.summary,
        areaCodes: view.areaCodes,
        updatedAt: w.updatedAt,
      };
    }),
    changes: changeRows.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      state: c.state,
      version: c.version,
      plannedStart: c.plannedStart!,
      plannedEnd: c.plannedEnd!,
      areaCodes: areaCodes(c.id),
      updatedAt: c.updatedAt,
    })),
  });
}
