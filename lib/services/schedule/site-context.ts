import "server-only";
import { currentTime } from "@/lib/clock";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { areas, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SitePermission } from "@/lib/auth/permissions";
import { localToUtc, utcToLocal } from "@/lib/domain/schedule";
import { MAX_RANGE_DAYS, type UntilInput, type WhenInput } from "@/lib/schemas/schedule";
import { requireSitePermission } from "@/lib/services/authorize";
import { invalid, notFound } from "@/lib/services/base/errors";

export interface SiteContext {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  areas: { id: string; code: string; name: string }[];
  areaById: Map<string, { id: string; code: string; name: string }>;
}

const DAY_MS = 86_400_000;

export async function loadSite(
  ex: Executor,
  by: { code: string } | { id: string },
): Promise<SiteContext | null> {
  const where = "code" in by ? eq(sites.code, by.code.toUpperCase().slice(0, 64)) : eq(sites.id, by.id);
  const [site] = await ex.select().from(sites).where(where).limit(1);
  if (!site) return null;
  const areaRows = await ex
    .select({ id: areas.id, code: areas.code, name: areas.name })
    .from(areas)
    .where(eq(areas.siteId, site.id))
    .orderBy(asc(areas.code));
  return {
    id: site.id,
    code: site.code,
    name: site.name,
    timeZone: site.timeZone,
    areas: areaRows,
    areaById: new Map(areaRows.map((a) => [a.id, a])),
  };
}

/** The site, when the actor holds `permission` there; 404 when they cannot see it, 403 otherwise. */
export async function siteFor(
  ex: Executor,
  actor: Actor,
  siteCode: string,
  permission: SitePermission,
): Promise<SiteContext> {
  const site = await loadSite(ex, { code: siteCode });
  if (!site) throw notFound("Site");
  requireSitePermission(actor, permission, site.id, "Site");
  return site;
}

export function areaIdsFor(site: SiteContext, codes: readonly string[], path = "areaCodes"): string[] {
  const unknown = codes.filter((c) => !site.areas.some((a) => a.code === c));
  if (unknown.length) {
    throw invalid(`Site ${site.code} has no area ${unknown.join(", ")}.`, [
      { path, message: `Unknown area ${unknown.join(", ")} at ${site.code}.` },
    ]);
  }
  return codes.map((c) => site.areas.find((a) => a.code === c)!.id);
}

export function areaCodesOf(site: SiteContext, ids: readonly string[]): string[] {
  return ids.map((id) => site.areaById.get(id)?.code ?? id).sort();
}

/** Wall time "YYYY-MM-DDTHH:mm" in the site's zone. */
export function toLocal(when: WhenInput, tz: string): string {
  return "local" in when ? when.local : utcToLocal(when.instant, tz).local.slice(0, 16);
}

export function toInstant(when: WhenInput, tz: string): Date {
  return "instant" in when ? when.instant : localToUtc(when.local, tz);
}

export function untilLocal(until: UntilInput, tz: string): string {
  return "date" in until ? until.date : toLocal(until, tz);
}

/** from/to of a read, defaulting to the next 31 days, refused beyond MAX_RANGE_DAYS. */
export function readRange(
  site: SiteContext,
  from: WhenInput | undefined,
  to: WhenInput | undefined,
  now = currentTime(),
): { from: Date; to: Date } {
  const start = from ? toInstant(from, site.timeZone) : now;
  const end = to ? toInstant(to, site.timeZone) : new Date(start.getTime() + 31 * DAY_MS);
  if (end.getTime() <= start.getTime())
    throw invalid("The end of the range must be after its start.", [
      { path: "to", message: "Must be after from." },
    ]);
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw invalid(`Ask for at most ${MAX_RANGE_DAYS} days at a time.`, [
      { path: "to", message: `At most ${MAX_RANGE_DAYS} days after from.` },
    ]);
  }
  return { from: start, to: end };
}
