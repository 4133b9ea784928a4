import "server-only";
import { and, eq, gt, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { productionRuns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor, type Page, invalidCursor } from "@/lib/services/base/page";
import { uuid } from "@/lib/schemas/common";
import { runsListQuerySchema, type WindowsListQuery } from "@/lib/schemas/schedule";
import { loadRunsOverlapping, runView } from "./run-model";
import { readRange, siteFor } from "./site-context";
import type { RunView } from "@/lib/types/schedule";

/** GET /api/v1/production-runs: runs overlapping [from, to), by start. */
export async function listRuns(actor: Actor, query: WindowsListQuery): Promise<Page<RunView>> {
  const q = runsListQuerySchema.parse(query);
  const db = await getDb();
  const site = await siteFor(db, actor, q.site, "window.view");
  const { from, to } = readRange(site, q.from, q.to);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  let scope: SQL = eq(productionRuns.siteId, site.id);
  if (after) {
    const at = new Date(after[0]);
    if (Number.isNaN(at.getTime()) || !uuid.safeParse(after[1]).success) throw invalidCursor();
    scope = and(
      scope,
      or(gt(productionRuns.start, at), and(eq(productionRuns.start, at), gt(productionRuns.id, after[1]))),
    )!;
  }
  const rows = await loadRunsOverlapping(db, scope, from, to, q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => runView(r, site)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.start.toISOString(), last.id]) : null,
  };
}
