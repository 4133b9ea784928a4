import type { AssetView } from "./view";

/** The Asset resource of the REST contract. `version` is firmware/software; `rowVersion` is for If-Match. */
export function assetResource(a: AssetView) {
  return {
    id: a.id,
    siteCode: a.siteCode,
    areaCode: a.areaCode,
    tag: a.tag,
    name: a.name,
    kind: a.kind,
    vendor: a.vendor,
    product: a.product,
    modelNumber: a.modelNumber,
    version: a.version,
    purdueLevel: a.purdueLevel,
    zone: a.zone,
    criticality: a.criticality,
    safetyRelated: a.safetyRelated,
    gxp: a.gxp,
    exposure: a.exposure,
    redundancyGroup: a.redundancyGroup,
    rowVersion: a.rowVersion,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
