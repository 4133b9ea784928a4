import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { areas, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeFor } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/errors";

export interface SiteView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  areas: { id: string; code: string; name: string }[];
}

/** Administrators see every site (they manage them); everyone else the sites where they hold a role. */
function visibleIds(actor: Actor): string[] | "all" {
  return actor.isAdmin ? "all" : scopeFor(actor, "site.view");
}

export async function listSites(actor: Actor): Promise<SiteView[]> {
  const db = await getDb();
  const scope = visibleIds(actor);
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

/** Site codes as createSiteSchema allows them; anything else cannot name a site (and may not even be storable text). */
export const SITE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export async function getSiteByCode(actor: Actor, code: string): Promise<SiteView> {
  if (!SITE_CODE_PATTERN.test(code)) throw notFound("Site");
  const db = await getDb();
  const [site] = await db
    .select()
    .from(sites)
    .where(eq(sites.code, code.toUpperCase().slice(0, 64)))
    .limit(1);
  const scope = visibleIds(actor);
  if (!site || (scope !== "all" && !scope.includes(site.id))) throw notFound("Site");
  const areaRows = await db.select().from(areas).where(eq(areas.siteId, site.id)).orderBy(asc(areas.code));
  return {
    id: site.id,
    code: site.code,
    name: site.name,
    timeZone: site.timeZone,
    areas: areaRows.map((a) => ({ id: a.id, code: a.code, name: a.name })),
  };
}
