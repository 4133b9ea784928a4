import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { windows } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { OccurrenceLimitError, expandWindows } from "@/lib/domain/schedule";
import { decodeCursor, encodeCursor, type Page } from "@/lib/http/cursor";
import { uuid } from "@/lib/schemas/common";
import { windowsListQuerySchema, type WindowsListQuery } from "@/lib/schemas/schedule";
import { requireSitePermission } from "@/lib/services/authorize";
import { invalid, notFound } from "@/lib/services/errors";
import { loadSite, readRange, siteFor, type SiteContext } from "./site-context";
import {
  loadWindowsOverlapping,
  occurrenceView,
  windowDef,
  windowView,
  type OccurrenceView,
  type WindowRow,
  type WindowView,
} from "./window-model";

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

/** GET /api/v1/windows: occurrences of the site's windows and blackouts overlapping [from, to), earliest first. */
export async function listOccurrences(actor: Actor, query: WindowsListQuery): Promise<Page<OccurrenceView>> {
  const q = windowsListQuerySchema.parse(query);
  const db = await getDb();
  const site = await siteFor(db, actor, q.site, "window.view");
  const { from, to } = readRange(site, q.from, q.to);
  const rows = await loadWindowsOverlapping(db, eq(windows.siteId, site.id), from, to);
  const all = expandRows(rows, site, from, to);
  const after = decodeCursor(q.cursor, 2) as [number, string] | null;
  const rest = after
    ? all.filter(
        (o) => o.start.getTime() > after[0] || (o.start.getTime() === after[0] && o.windowId > after[1]),
      )
    : all;
  const items = rest.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((o) => occurrenceView(o, site)),
    nextCursor: rest.length > q.limit && last ? encodeCursor([last.start.getTime(), last.windowId]) : null,
  };
}

/** The site's live window definitions with a readable summary each, blackouts first, then by start. */
export async function listWindows(actor: Actor, siteCode: string): Promise<WindowView[]> {
  const db = await getDb();
  const site = await siteFor(db, actor, siteCode, "window.view");
  const rows = await db
    .select()
    .from(windows)
    .where(and(eq(windows.siteId, site.id), isNull(windows.deletedAt)))
    .orderBy(asc(windows.kind), asc(windows.firstStartAt), asc(windows.id));
  return rows.map((r) => windowView(r, site));
}

export async function getWindow(actor: Actor, id: string): Promise<WindowView> {
  if (!uuid.safeParse(id).success) throw notFound("Window");
  const db = await getDb();
  const [row] = await db
    .select()
    .from(windows)
    .where(and(eq(windows.id, id), isNull(windows.deletedAt)));
  if (!row) throw notFound("Window");
  requireSitePermission(actor, "window.view", row.siteId, "Window");
  const site = await loadSite(db, { id: row.siteId });
  if (!site) throw notFound("Window");
  return windowView(row, site);
}
