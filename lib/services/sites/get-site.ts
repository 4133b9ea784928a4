import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { areas, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/services/base/errors";
import { SITE_CODE_PATTERN, siteScope, type SiteView } from "./view";

export async function getSiteByCode(actor: Actor, code: string): Promise<SiteView> {
  if (!SITE_CODE_PATTERN.test(code)) throw notFound("Site");
  const db = await getDb();
  const [site] = await db
    .select()
    .from(sites)
    .where(eq(sites.code, code.toUpperCase().slice(0, 64)))
    .limit(1);
  const scope = siteScope(actor);
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
