import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { changes, signoffs, sites, standardModelVersions, standardModels, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { modelContentHash, pickModelContent, type ModelRef } from "@/lib/domain/catalog/model";
import { UUID_RE } from "@/lib/services/base/match";
import { notFound } from "@/lib/services/base/errors";

export type ModelRow = typeof standardModels.$inferSelect;
export type ModelVersionRow = typeof standardModelVersions.$inferSelect;

export interface LoadedModel {
  model: ModelRow;
  site: { id: string; code: string; name: string; timeZone: string };
  /** Oldest first. */
  versions: ModelVersionRow[];
}

/** The model, if the actor may see its site; anything else answers not found. */
export async function findVisibleModel(
  ex: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedModel> {
  if (!UUID_RE.test(id)) throw notFound("Standard change model");
  const query = ex.select().from(standardModels).where(eq(standardModels.id, id));
  const [model] = opts.forUpdate ? await query.for("update") : await query;
  if (!model || !hasSitePermission(actor, "catalog.view", model.siteId))
    throw notFound("Standard change model");
  const [site] = await ex
    .select({ id: sites.id, code: sites.code, name: sites.name, timeZone: sites.timeZone })
    .from(sites)
    .where(eq(sites.id, model.siteId));
  const versions = await ex
    .select()
    .from(standardModelVersions)
    .where(eq(standardModelVersions.modelId, model.id))
    .orderBy(asc(standardModelVersions.version));
  return { model, site: site!, versions };
}

export const contentOf = (v: ModelVersionRow) => pickModelContent(v);

/** The hash of a stored version, recomputed from its content (never trusted from the row alone). */
export function versionHash(v: ModelVersionRow): string {
  return modelContentHash(v.modelId, v.version, contentOf(v));
}

export const latest = (m: LoadedModel): ModelVersionRow => m.versions[m.versions.length - 1]!;
export const approvedVersion = (m: LoadedModel) => m.versions.find((v) => v.state === "approved") ?? null;
export const pendingVersion = (m: LoadedModel) => m.versions.find((v) => v.state === "proposed") ?? null;

/** The model version a change names, with what the rules need; null when it names none. */
export async function loadModelBinding(ex: Executor, versionId: string | null) {
  if (!versionId) return null;
  const [r] = await ex
    .select({
      version: standardModelVersions,
      code: standardModels.code,
      siteId: standardModels.siteId,
      retiredAt: standardModels.retiredAt,
      siteName: sites.name,
    })
    .from(standardModelVersions)
    .innerJoin(standardModels, eq(standardModels.id, standardModelVersions.modelId))
    .innerJoin(sites, eq(sites.id, standardModels.siteId))
    .where(eq(standardModelVersions.id, versionId));
  if (!r) return null;
  const model: ModelRef = {
    ...contentOf(r.version),
    siteId: r.siteId,
    siteName: r.siteName,
    code: r.code,
    version: r.version.version,
  };
  return {
    model,
    modelId: r.version.modelId,
    versionId: r.version.id,
    state: r.version.state,
    approvedAt: r.version.approvedAt,
    retired: r.retiredAt !== null,
  };
}
export type LoadedBinding = NonNullable<Awaited<ReturnType<typeof loadModelBinding>>>;

export async function signoffsOfVersions(ex: Executor, versionIds: string[]) {
  if (!versionIds.length) return [];
  return ex
    .select()
    .from(signoffs)
    .where(and(inArray(signoffs.modelVersionId, versionIds), isNotNull(signoffs.modelVersionId)))
    .orderBy(asc(signoffs.signedAt));
}

export async function changesOfModel(ex: Executor, versionIds: string[]) {
  if (!versionIds.length) return [];
  return ex
    .select({
      id: changes.id,
      number: changes.number,
      title: changes.title,
      state: changes.state,
      versionId: changes.standardModelVersionId,
    })
    .from(changes)
    .where(inArray(changes.standardModelVersionId, versionIds))
    .orderBy(desc(changes.createdAt))
    .limit(50);
}

export async function usersById(ex: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length
    ? await ex
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, wanted))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}
