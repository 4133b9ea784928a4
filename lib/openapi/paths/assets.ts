import { z } from "zod";
import { ASSET_KINDS, CRITICALITIES, EXPOSURES, PURDUE_LEVELS } from "@/lib/domain/constants";
import { ASSET_CSV_COLUMNS, ASSET_SORTS, createAssetSchema, updateAssetSchema } from "@/lib/schemas/assets";
import { definePaths, instant, named, page } from "../registry";

export const assetResponse = named(
  "Asset",
  z.object({
    id: z.uuid(),
    siteCode: z.string(),
    areaCode: z.string().nullable(),
    tag: z.string().describe("Plant tag, unique per site regardless of case, e.g. PLC-201A"),
    name: z.string(),
    kind: z.enum(ASSET_KINDS),
    vendor: z.string(),
    product: z.string(),
    modelNumber: z.string().describe("Model or order number, e.g. 6ES7511-1AL03-0AB0 or 1756-L83E"),
    version: z.string().describe("Firmware or software version (not the record's revision: see rowVersion)"),
    purdueLevel: z
      .number()
      .nullable()
      .describe(`One of ${PURDUE_LEVELS.join(", ")}; 3.5 is the industrial DMZ`),
    zone: z.string().describe("Security zone (IEC 62443)"),
    criticality: z.enum(CRITICALITIES),
    safetyRelated: z.boolean().describe("SIS, burner management, fire & gas"),
    gxp: z.boolean().describe("GxP-regulated"),
    exposure: z
      .enum(EXPOSURES)
      .describe(
        "How the asset can be reached from outside its zone: isolated, plant_network, remote_access (vendor or engineer remote access), internet_facing",
      ),
    redundancyGroup: z.string().nullable().describe("Members of one redundant pair or set share it"),
    rowVersion: z
      .number()
      .int()
      .describe("Revision of this record; send it as If-Match to PATCH. Also in the ETag header."),
    createdAt: instant,
    updatedAt: instant,
  }),
);

const importError = z.object({
  line: z.number().int().describe("Line in the file; the header is line 1"),
  column: z.string(),
  message: z.string(),
});
const importResult = named(
  "AssetImportResult",
  z.object({
    dryRun: z.boolean(),
    ok: z.boolean().describe("Every row valid (dry run) or written (import)"),
    siteCode: z.string(),
    rowCount: z.number().int(),
    validCount: z.number().int(),
    created: z.number().int(),
    errors: z
      .array(importError)
      .describe("Every problem, sorted by line (at most 1,000 listed; see errorCount)"),
    errorCount: z.number().int(),
  }),
);

const filters = {
  site: z.string().optional().describe("Site code, e.g. GCR"),
  area: z.string().optional().describe("Area code, e.g. CDU"),
  kind: z.enum(ASSET_KINDS).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  safetyRelated: z.enum(["true", "false"]).optional(),
  gxp: z.enum(["true", "false"]).optional(),
  exposure: z.enum(EXPOSURES).optional(),
  q: z.string().max(200).optional().describe("Free text over tag, name, vendor, product and model number"),
  sort: z.enum(ASSET_SORTS).default("tag"),
  dir: z.enum(["asc", "desc"]).default("asc"),
};

const idPath = z.object({ id: z.uuid() });
const etag = { ETag: { description: 'The rowVersion, quoted: "3"', schema: { type: "string" } } };
const csvFile = (description: string) => ({
  description,
  contentType: "text/csv",
  schema: z.string(),
  headers: { "Content-Disposition": { description: "attachment", schema: { type: "string" } } },
});

export default definePaths(
  "assets",
  {
    "/api/v1/assets": {
      get: {
        summary: "Assets at the caller's sites, filtered and sorted",
        query: z.object({
          ...filters,
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().max(500).optional(),
        }),
        responses: { 200: { description: "A page of assets", schema: page(assetResponse) } },
        errors: [422],
      },
      post: {
        summary: "Add an asset (requester or change manager at its site)",
        headers: [{ name: "Idempotency-Key", description: "Makes a retried POST safe" }],
        body: named("CreateAsset", createAssetSchema),
        responses: { 201: { description: "Created", schema: assetResponse, headers: etag } },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/assets/{id}": {
      get: {
        summary: "One asset",
        path: idPath,
        responses: { 200: { description: "The asset", schema: assetResponse, headers: etag } },
        errors: [404],
      },
      patch: {
        summary: "Edit an asset; only the fields sent change",
        description:
          "Send If-Match with the rowVersion you read: a 409 names who changed it since. siteCode, if sent, must be the asset's site.",
        path: idPath,
        headers: [{ name: "If-Match", description: 'The rowVersion read, e.g. "3"' }],
        body: named("UpdateAsset", updateAssetSchema),
        responses: { 200: { description: "The edited asset", schema: assetResponse, headers: etag } },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/assets/import": {
      post: {
        summary: "Import assets from CSV, all or nothing",
        description:
          `Body: the CSV (text/csv) with ?site=CODE, or JSON {siteCode, csv, dryRun}. Columns: ${ASSET_CSV_COLUMNS.join(", ")} ` +
          "(tag, name, kind, criticality required; an optional siteCode column must name the site). Every row is checked; when any is bad " +
          'nothing is written and the 422 lists each problem in `errors` (path "line 4 · tag") and `rowErrors` ({line, column, message}).',
        query: z.object({
          site: z.string().optional(),
          dryRun: z.enum(["true", "false"]).optional().describe("Check only; write nothing"),
        }),
        bodyContentType: "text/csv",
        body: z.string(),
        responses: {
          200: { description: "Dry run: the findings", schema: importResult },
          201: { description: "Imported", schema: importResult },
        },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/assets/export.csv": {
      get: {
        summary: "Download the filtered inventory as CSV",
        description:
          "Same filters as the list; the import's columns plus siteCode; formula-like cells are prefixed with an apostrophe. Audited as asset.export.",
        query: z.object(filters),
        responses: { 200: csvFile("CSV, UTF-8 with BOM") },
        errors: [403, 422],
      },
    },
    "/api/v1/assets/import-template.csv": {
      get: {
        summary: "An import template: the header and one example row",
        responses: { 200: csvFile("CSV template") },
      },
    },
  },
  "Asset inventory",
);
