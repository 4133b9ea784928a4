import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, standardModelVersions, standardModels } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import type { LoadedModel } from "./load";

/** Every model at the sites the actor may see (a catalog holds tens per site, not thousands). */
export async function loadVisibleModels(
  ex: Executor,
  actor: Actor,
  siteCode?: string,
): Promise<LoadedModel[]> {
  let siteIds = sitesWithPermission(actor, "catalog.view");
  if (!siteIds.length) return [];
  const siteRows = await ex
    .select({ id: sites.id, code: sites.code, name: sites.name, timeZone: sites.timeZone })
    .from(sites)
    .where(inArray(sites.id, siteIds));
  const siteById = new Map(siteRows.filter((s) => !siteCode || s.code === siteCode).map((s) => [s.id, s]));
  siteIds = [...siteById.keys()];
  if (!siteIds.length) return [];
  const models = await ex.select().from(standardModels).where(inArray(standardModels.siteId, siteIds));
  if (!models.length) return [];
  const versions = await ex
    .select()
    .from(standardModelVersions)
    .innerJoin(standardModels, eq(standardModels.id, standardModelVersions.modelId))
    .where(inArray(standardModels.siteId, siteIds))
    .orderBy(asc(standardModelVersions.version));
  return models.map((model) => ({
    model,
    site: siteById.get(model.siteId)!,
    versions: versions.filter((v) => v.standard_models.id === model.id).map((v) => v.standard_model_versions),
  }));
}
