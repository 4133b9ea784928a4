import "server-only";
import { eq, ilike, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { areas, assets, sites } from "@/db/schema";
import type { AssetView } from "@/lib/types/assets";
export type { AssetView };

export const assetColumns = {
  id: assets.id,
  siteId: assets.siteId,
  siteCode: sites.code,
  siteName: sites.name,
  siteTimeZone: sites.timeZone,
  areaCode: areas.code,
  areaName: areas.name,
  tag: assets.tag,
  name: assets.name,
  kind: assets.kind,
  vendor: assets.vendor,
  product: assets.product,
  modelNumber: assets.modelNumber,
  version: assets.version,
  purdueLevel: assets.purdueLevel,
  zone: assets.zone,
  criticality: assets.criticality,
  safetyRelated: assets.safetyRelated,
  gxp: assets.gxp,
  exposure: assets.exposure,
  redundancyGroup: assets.redundancyGroup,
  rowVersion: assets.rowVersion,
  createdAt: assets.createdAt,
  updatedAt: assets.updatedAt,
};

type Row = Awaited<ReturnType<typeof selectAssets>>[number];

export function toView(r: Row): AssetView {
  return {
    id: r.id,
    siteCode: r.siteCode,
    areaCode: r.areaCode,
    tag: r.tag,
    name: r.name,
    kind: r.kind,
    vendor: r.vendor,
    product: r.product,
    modelNumber: r.modelNumber,
    version: r.version,
    purdueLevel: r.purdueLevel,
    zone: r.zone,
    criticality: r.criticality,
    safetyRelated: r.safetyRelated,
    gxp: r.gxp,
    exposure: r.exposure,
    redundancyGroup: r.redundancyGroup,
    rowVersion: r.rowVersion,
    siteId: r.siteId,
    siteName: r.siteName,
    siteTimeZone: r.siteTimeZone,
    areaName: r.areaName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** SELECT of assets joined to their site and area; callers add WHERE with the scope. */
export function selectAssets(db: Executor) {
  return db
    .select(assetColumns)
    .from(assets)
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .leftJoin(areas, eq(areas.id, assets.areaId));
}

/** The audited representation of an asset: business fields by code, no ids or timestamps. */
export function auditFields(
  v: Pick<
    AssetView,
    | "siteCode"
    | "areaCode"
    | "tag"
    | "name"
    | "kind"
    | "vendor"
    | "product"
    | "modelNumber"
    | "version"
    | "purdueLevel"
    | "zone"
    | "criticality"
    | "safetyRelated"
    | "gxp"
    | "exposure"
    | "redundancyGroup"
  >,
) {
  return {
    siteCode: v.siteCode,
    areaCode: v.areaCode,
    tag: v.tag,
    name: v.name,
    kind: v.kind,
    vendor: v.vendor,
    product: v.product,
    modelNumber: v.modelNumber,
    version: v.version,
    purdueLevel: v.purdueLevel,
    zone: v.zone,
    criticality: v.criticality,
    safetyRelated: v.safetyRelated,
    gxp: v.gxp,
    exposure: v.exposure,
    redundancyGroup: v.redundancyGroup,
  };
}

/** Drizzle wraps driver errors; the PostgreSQL SQLSTATE is on the cause. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

/** Where a free-text asset search looks (the list's filter and the picker): tag, name, vendor, product, model number. */
export const assetTextMatch = (pattern: string) =>
  or(
    ilike(assets.tag, pattern),
    ilike(assets.name, pattern),
    ilike(assets.vendor, pattern),
    ilike(assets.product, pattern),
    ilike(assets.modelNumber, pattern),
  );
