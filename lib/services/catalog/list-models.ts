import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { sites, standardModelVersions, standardModels } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { modelListQuerySchema, type ModelListQuery } from "@/lib/schemas/catalog";
import { decodeCursor, encodeCursor, type Page } from "@/lib/services/base/page";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ModelSummary } from "@/lib/types/catalog";
import type { LoadedModel } from "./internal/load";
import { summaryOf } from "./internal/view";

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

/** The catalog list: filtered by site, status and words of the title or code, sorted by site and code. */
export async function listModels(actor: Actor, query: ModelListQuery = {}): Promise<Page<ModelSummary>> {
  const q = parseInput(modelListQuerySchema, query, "The query");
  const db = await getDb();
  const words = q.q?.toLowerCase();
  const all = (await loadVisibleModels(db, actor, q.site))
    .map(summaryOf)
    .filter((s) => !q.state || s.status === q.state)
    .filter((s) => !words || `${s.code} ${s.title}`.toLowerCase().includes(words))
    .sort((a, b) => a.siteCode.localeCompare(b.siteCode) || a.code.localeCompare(b.code));
  const [offset] = (decodeCursor(q.cursor, 1) ?? [0]) as [number];
  const items = all.slice(offset, offset + q.limit);
  const next = offset + q.limit;
  return { items, nextCursor: next < all.length ? encodeCursor([next]) : null };
}
