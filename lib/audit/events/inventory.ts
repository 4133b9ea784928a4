import { z } from "zod";
import { ASSET_KINDS, CRITICALITIES, EXPOSURES } from "@/lib/domain/constants";
import { changed, event, id } from "./define";

/** An asset's record as the trail keeps it (services/assets/view auditFields). */
const asset = {
  siteCode: z.string(),
  areaCode: z.string().nullable(),
  tag: z.string(),
  name: z.string(),
  kind: z.enum(ASSET_KINDS),
  vendor: z.string(),
  product: z.string(),
  modelNumber: z.string(),
  version: z.string(),
  purdueLevel: z.number().nullable(),
  zone: z.string(),
  criticality: z.enum(CRITICALITIES),
  safetyRelated: z.boolean(),
  gxp: z.boolean(),
  exposure: z.enum(EXPOSURES),
  redundancyGroup: z.string().nullable(),
};
const filterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Sites, areas and the asset inventory. */
export const INVENTORY_EVENTS = {
  "site.create": event("site", {
    after: z.strictObject({ code: z.string(), name: z.string(), timeZone: z.string() }),
  }),
  "site.update": event("site", {
    before: changed({ name: z.string(), timeZone: z.string() }),
    after: changed({ name: z.string(), timeZone: z.string() }),
  }),
  "area.create": event("area", {
    after: z.strictObject({ siteCode: z.string(), code: z.string(), name: z.string() }),
  }),
  "asset.create": event("asset", { after: z.strictObject(asset) }),
  // An edit records the fields it changed; closing a change records the new baseline version.
  "asset.update": event("asset", {
    before: changed({ ...asset, rowVersion: z.number().int() }),
    after: changed({ ...asset, rowVersion: z.number().int() }),
  }),
  "asset.import": event("site", {
    after: z.strictObject({
      siteCode: z.string(),
      rows: z.number().int(),
      created: z.number().int(),
      bytes: z.number().int(),
      assets: z.array(z.strictObject({ id, ...asset })),
    }),
  }),
  "asset.export": event("asset", {
    after: z.strictObject({
      filters: z.record(z.string(), filterValue),
      rows: z.number().int(),
      sites: z.array(z.string()),
      format: z.literal("csv"),
    }),
  }),
};
