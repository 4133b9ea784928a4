import "./zod-setup";
import { z } from "zod";
import {
  ASSET_KINDS,
  CRITICALITIES,
  EXPOSURES,
  PURDUE_LEVELS,
  type AssetKind,
  type Criticality,
  type Exposure,
} from "@/lib/domain/constants";
import { code, line, paginationSchema, requiredLine } from "./common";
import { ASSET_KIND_LABELS, CRITICALITY_LABELS, EXPOSURE_LABELS } from "@/lib/domain/labels";

/** Plant tag numbers: letters and digits, joined by - _ . or / ("PLC-201A", "FW-DMZ/01"). */
export const TAG_PATTERN = /^[A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*$/;
export const TAG_MAX = 40;

export const tagSchema = requiredLine(TAG_MAX, "Tag").pipe(
  z
    .string()
    .regex(TAG_PATTERN, "Tag may contain letters and digits joined by - _ . or / (for example PLC-201A)."),
);

const emptyToNull = (v: string) => (v === "" ? null : v);

export const purdueLevelSchema = z
  .number({ message: `Purdue level must be one of ${PURDUE_LEVELS.join(", ")}.` })
  .refine(
    (n) => (PURDUE_LEVELS as readonly number[]).includes(n),
    `Purdue level must be one of ${PURDUE_LEVELS.join(", ")}.`,
  )
  .nullable();

const kindSchema = z.enum(ASSET_KINDS, { message: `Kind must be one of ${ASSET_KINDS.join(", ")}.` });
const criticalitySchema = z.enum(CRITICALITIES, {
  message: `Criticality must be one of ${CRITICALITIES.join(", ")}.`,
});
const exposureSchema = z.enum(EXPOSURES, {
  message: `Exposure must be one of ${EXPOSURES.join(", ")}.`,
});
// Optional: blank means "no area". A union would report only "Invalid input" for a bad code.
const areaCodeSchema = z
  .string()
  .nullable()
  .transform((v, ctx) => {
    const s = (v ?? "").trim();
    if (!s) return null;
    const r = code("Area").safeParse(s);
    if (r.success) return r.data.toUpperCase();
    for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });

/** Every editable field of an asset, site excepted. */
const assetFields = {
  areaCode: areaCodeSchema.default(null),
  tag: tagSchema,
  name: requiredLine(120, "Name"),
  kind: kindSchema,
  vendor: line(80, "Vendor").default(""),
  product: line(120, "Product").default(""),
  modelNumber: line(80, "Model number").default(""),
  version: line(64, "Version").default(""),
  purdueLevel: purdueLevelSchema.default(null),
  zone: line(64, "Zone").default(""),
  criticality: criticalitySchema,
  safetyRelated: z.boolean({ message: "Safety-related must be true or false." }).default(false),
  gxp: z.boolean({ message: "GxP must be true or false." }).default(false),
  exposure: exposureSchema.default("plant_network"),
  redundancyGroup: line(64, "Redundancy group").transform(emptyToNull).nullable().default(null),
};

export const createAssetSchema = z.object({
  siteCode: code("Site").transform((s) => s.toUpperCase()),
  ...assetFields,
});
export type CreateAssetInput = z.input<typeof createAssetSchema>;
export type CreateAssetData = z.output<typeof createAssetSchema>;

/**
 * A partial edit. `siteCode` is accepted so a client may send back the resource it read, but it
 * must name the asset's current site: moving an asset between plants is not an edit.
 */
export const updateAssetSchema = z.object({
  siteCode: code("Site")
    .transform((s) => s.toUpperCase())
    .optional(),
  areaCode: areaCodeSchema.optional(),
  tag: tagSchema.optional(),
  name: requiredLine(120, "Name").optional(),
  kind: kindSchema.optional(),
  vendor: line(80, "Vendor").optional(),
  product: line(120, "Product").optional(),
  modelNumber: line(80, "Model number").optional(),
  version: line(64, "Version").optional(),
  purdueLevel: purdueLevelSchema.optional(),
  zone: line(64, "Zone").optional(),
  criticality: criticalitySchema.optional(),
  safetyRelated: z.boolean({ message: "Safety-related must be true or false." }).optional(),
  gxp: z.boolean({ message: "GxP must be true or false." }).optional(),
  exposure: exposureSchema.optional(),
  redundancyGroup: line(64, "Redundancy group").transform(emptyToNull).nullable().optional(),
  /** The row version read by the client; an alternative to the If-Match header. */
  rowVersion: z.number().int().positive().optional(),
});
export type UpdateAssetInput = z.input<typeof updateAssetSchema>;

export const ASSET_SORTS = ["tag", "name", "kind", "criticality", "site", "updatedAt"] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];

/** Query strings arrive as strings; an empty select in a GET form means "any". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const yesNo = z.preprocess(
  (v) => (typeof v === "string" ? (parseBoolean(v) ?? v) : blank(v)),
  z.boolean({ message: "Use true or false." }).optional(),
);

export const assetListQuerySchema = paginationSchema.extend({
  site: z.preprocess(
    blank,
    code("Site")
      .transform((s) => s.toUpperCase())
      .optional(),
  ),
  area: z.preprocess(
    blank,
    code("Area")
      .transform((s) => s.toUpperCase())
      .optional(),
  ),
  kind: z.preprocess(blank, kindSchema.optional()),
  criticality: z.preprocess(blank, criticalitySchema.optional()),
  exposure: z.preprocess(blank, exposureSchema.optional()),
  safetyRelated: yesNo,
  gxp: yesNo,
  q: z.preprocess(blank, line(200, "Search text").optional()),
  sort: z.preprocess(blank, z.enum(ASSET_SORTS).default("tag")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("asc")),
});
export type AssetListQuery = z.input<typeof assetListQuerySchema>;
export type AssetListFilters = z.output<typeof assetListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// CSV import: the same fields, written as text by people and spreadsheets.

/** Columns of the import file, in the order of the template and the export. */
export const ASSET_CSV_COLUMNS = [
  "tag",
  "name",
  "kind",
  "areaCode",
  "vendor",
  "product",
  "modelNumber",
  "version",
  "purdueLevel",
  "zone",
  "criticality",
  "safetyRelated",
  "gxp",
  "exposure",
  "redundancyGroup",
] as const;
export type AssetCsvColumn = (typeof ASSET_CSV_COLUMNS)[number];
export const ASSET_CSV_REQUIRED: readonly AssetCsvColumn[] = ["tag", "name", "kind", "criticality"];

export function parseBoolean(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (["yes", "y", "true", "1"].includes(v)) return true;
  if (["no", "n", "false", "0"].includes(v)) return false;
  return undefined;
}

const byLabel = <T extends string>(values: readonly T[], labels: Record<T, string>) => {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(v, v);
    map.set(labels[v].toLowerCase(), v);
  }
  return (raw: string): string => map.get(raw.trim().toLowerCase()) ?? raw.trim();
};
const kindOf = byLabel<AssetKind>(ASSET_KINDS, ASSET_KIND_LABELS);
const criticalityOf = byLabel<Criticality>(CRITICALITIES, CRITICALITY_LABELS);
const exposureOf = byLabel<Exposure>(EXPOSURES, EXPOSURE_LABELS);

const csvBoolean = (label: string) =>
  z.string().transform((s, ctx) => {
    if (s.trim() === "") return false;
    const b = parseBoolean(s);
    if (b === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `${label} must be yes/no, true/false or 1/0 (got "${s.trim().slice(0, 20)}").`,
      });
      return z.NEVER;
    }
    return b;
  });

const csvPurdue = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (t === "") return null;
  const n = /^\d(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (!(PURDUE_LEVELS as readonly number[]).includes(n)) {
    ctx.addIssue({
      code: "custom",
      message: `Purdue level must be one of ${PURDUE_LEVELS.join(", ")} (got "${t.slice(0, 20)}").`,
    });
    return z.NEVER;
  }
  return n;
});

/** One data row of the import file, every cell a string (missing optional columns read as ""). */
export const assetCsvRowSchema = z.object({
  tag: tagSchema,
  name: requiredLine(120, "Name"),
  kind: z.string().transform(kindOf).pipe(kindSchema),
  areaCode: areaCodeSchema,
  vendor: line(80, "Vendor"),
  product: line(120, "Product"),
  modelNumber: line(80, "Model number"),
  version: line(64, "Version"),
  purdueLevel: csvPurdue,
  zone: line(64, "Zone"),
  criticality: z.string().transform(criticalityOf).pipe(criticalitySchema),
  safetyRelated: csvBoolean("Safety-related"),
  gxp: csvBoolean("GxP"),
  // Blank (or a file written before the column existed) means the plant network.
  exposure: z
    .string()
    .transform((s) => (s.trim() === "" ? "plant_network" : exposureOf(s)))
    .pipe(exposureSchema),
  redundancyGroup: line(64, "Redundancy group").transform(emptyToNull),
});
export type AssetCsvRow = z.output<typeof assetCsvRowSchema>;

export const importAssetsSchema = z.object({
  siteCode: code("Site").transform((s) => s.toUpperCase()),
  csvText: z.string().max(2 * 1024 * 1024, "The file is larger than 2 MB; split it into several imports."),
  dryRun: z.boolean().default(false),
});
export type ImportAssetsInput = z.input<typeof importAssetsSchema>;
