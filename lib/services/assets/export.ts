import "server-only";
import { getDb } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { ASSET_CSV_COLUMNS, assetListQuerySchema } from "@/lib/schemas/assets";
import { scopeFor } from "@/lib/services/authorize";
import { forbidden, invalid } from "@/lib/services/base/errors";
import { toSafeCsv } from "@/lib/csv/write";
import { findAssets } from "./find";
import { parseInput } from "@/lib/services/base/parse-input";
import type { AssetView } from "./view";

export const EXPORT_COLUMNS = ["siteCode", ...ASSET_CSV_COLUMNS] as const;
const MAX_EXPORT_ROWS = 50_000;

const yesNo = (b: boolean) => (b ? "yes" : "no");

/**
 * The filtered inventory as CSV in the import's own columns (so an export can seed another site),
 * every formula-like cell defused for spreadsheets. The export itself is audited.
 */
export async function exportAssetsCsv(actor: Actor, query: unknown): Promise<string> {
  const scope = scopeFor(actor, "asset.view");
  if (scope.length === 0) throw forbidden("Your roles do not allow viewing assets at any site.");
  const { cursor: _cursor, limit: _limit, ...filters } = parseInput(assetListQuerySchema, query, "The query");
  const db = await getDb();
  const all: AssetView[] = [];
  let cursor: string | undefined;
  do {
    const page = await findAssets(db, scope, { ...filters, limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (all.length > MAX_EXPORT_ROWS)
      throw invalid(
        `The export would exceed ${MAX_EXPORT_ROWS} rows; narrow it with filters (for example by site).`,
      );
  } while (cursor);

  const csv = toSafeCsv(
    EXPORT_COLUMNS,
    all.map((a) => ({
      siteCode: a.siteCode,
      tag: a.tag,
      name: a.name,
      kind: a.kind,
      areaCode: a.areaCode ?? "",
      vendor: a.vendor,
      product: a.product,
      modelNumber: a.modelNumber,
      version: a.version,
      purdueLevel: a.purdueLevel ?? "",
      zone: a.zone,
      criticality: a.criticality,
      safetyRelated: yesNo(a.safetyRelated),
      gxp: yesNo(a.gxp),
      exposure: a.exposure,
      redundancyGroup: a.redundancyGroup ?? "",
    })),
  );
  const siteCodes = [...new Set(all.map((a) => a.siteCode))].sort();
  const filterSite = filters.site
    ? (actor.grants.find((g) => g.siteCode === filters.site && scope.includes(g.siteId))?.siteId ?? null)
    : null;
  await db.transaction(async (tx) => {
    await appendAudit(tx, actor, {
      action: "asset.export",
      objectType: "asset",
      objectId: null,
      siteId: filterSite,
      after: {
        filters,
        rows: all.length,
        sites: siteCodes,
        format: "csv",
      },
    });
  });
  return csv;
}
