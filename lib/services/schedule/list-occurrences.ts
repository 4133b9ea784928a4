import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { windows } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor, type Page } from "@/lib/services/base/page";
import { windowsListQuerySchema, type WindowsListQuery } from "@/lib/schemas/schedule";
import { readRange, siteFor } from "./site-context";
import { expandRows, loadWindowsOverlapping, occurrenceView } from "./window-model";
import type { OccurrenceView } from "@/lib/types/schedule";

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
