import "server-only";
import { asc, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { areas, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { siteScope, type SiteView } from "./view";

export async function listSites(actor: Actor): Promise<SiteView[]> {
  const db = await getDb();
  const scope = siteScope(actor);
  if (scope !== "all" && scope.length === 0) return [];
  const siteRows = await db
    .select()
    .from(sites)
    .where(scope === "all" ? undefined : inArray(sites.id, scope))
    .orderBy(asc(sites.code));
  if (siteRows.length === 0) return [];
  const areaRows = await db
    .select()
    .from(areas)
    .where(
      inArray(
        areas.siteId,
        siteRows.map((s) => s.id),
      ),
    )
    .orderBy(asc(areas.code));
  return siteRows.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    timeZone: s.timeZone,
    areas: areaRows.filter((a) => a.siteId === s.id).map((a) => ({ id: a.id, code: a.code, name: a.name })),
  }));
}
