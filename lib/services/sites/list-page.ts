import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor, type Page } from "@/lib/services/base/page";
import { paginationSchema } from "@/lib/schemas/common";
import { listSites } from "./list-sites";
import { type SiteView } from "./view";

/**
 * Visible sites as an API page, keyed on the unique site code. A plant operator has a handful of
 * sites, so the page is cut from the visible list rather than by a second query shape.
 */
export async function listSitesPage(
  actor: Actor,
  query: { limit?: unknown; cursor?: unknown } = {},
): Promise<Page<SiteView>> {
  const { limit, cursor } = paginationSchema.parse(query);
  const after = decodeCursor(cursor, 1);
  // Code-point order in JavaScript, so the cursor comparison below agrees with it whatever the database collation.
  const all = (await listSites(actor)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rest = after ? all.filter((s) => s.code > String(after[0])) : all;
  const items = rest.slice(0, limit);
  return { items, nextCursor: rest.length > limit ? encodeCursor([items[items.length - 1]!.code]) : null };
}
