import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { ASSET_CSV_COLUMNS, importAssetsSchema } from "@/lib/schemas/assets";
import { requireSitePermission, scopeFor } from "@/lib/services/authorize";
import { ServiceError, forbidden, notFound } from "@/lib/services/base/errors";
import { cellPath } from "@/lib/csv/read";
import { parseAssetCsv } from "./csv";
import { parseInput } from "@/lib/services/base/parse-input";
import { auditFields } from "./view";
import { areaIdsByCode, existingTags, insertAssets } from "./write";
import type { ImportResult } from "@/lib/types/assets";
export type { ImportResult };

const MAX_LISTED_ERRORS = 1000;

const columnOrder = (c: string) => {
  const i = (ASSET_CSV_COLUMNS as readonly string[]).indexOf(c);
  return i < 0 ? -1 : i;
};

/**
 * CSV import, all or nothing: every row is validated (cells, areas, tags repeated in the file or
 * already in the inventory) and nothing is written while any row is bad. A dry run reports the
 * same findings without writing.
 *
 * The audit gets ONE `asset.import` event carrying every created asset's id and initial values:
 * the trail still records each creation with its values (an asset's history finds it by id), but
 * the global audit-chain lock is taken once, not once per row. Per-row events held that lock for
 * about 15 s on a 5,000-row file, stalling every audited action (sign-ins included) meanwhile.
 */
export async function importAssetsCsv(actor: Actor, input: unknown): Promise<ImportResult> {
  if (scopeFor(actor, "asset.import").length === 0)
    throw forbidden("Your roles do not allow importing assets at any site.");
  const { siteCode, csvText, dryRun } = parseInput(importAssetsSchema, input, "The import");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [site] = await tx.select().from(sites).where(eq(sites.code, siteCode));
    if (!site) throw notFound("Site");
    requireSitePermission(actor, "asset.import", site.id, "Site");

    const parsed = parseAssetCsv(csvText, site.code);
    const errors = [...parsed.errors];
    const areaIds = await areaIdsByCode(tx, site.id);
    const taken = await existingTags(tx, site.id, parsed.cells.map((c) => c.tag).filter(Boolean));
    // Rows with a bad cell are checked against the database too, so one pass reports every problem.
    const flagged = new Set(errors.map((e) => `${e.line}|${e.column}`));
    const areaColumn = parsed.headerName("areaCode");
    const tagColumn = parsed.headerName("tag");
    for (const { line, tag, areaCode } of parsed.cells) {
      if (areaCode && !areaIds.has(areaCode) && !flagged.has(`${line}|${areaColumn}`)) {
        errors.push({
          line,
          column: areaColumn,
          message: `Site ${site.code} has no area ${areaCode.slice(0, 32)}. Known areas: ${[...areaIds.keys()].sort().join(", ") || "none"}.`,
        });
      }
      const existing = taken.get(tag.toLowerCase());
      if (existing && !flagged.has(`${line}|${tagColumn}`))
        errors.push({
          line,
          column: tagColumn,
          message: `Site ${site.code} already has an asset tagged ${existing}.`,
        });
    }
    const badLines = new Set(errors.map((e) => e.line));
    const good = parsed.rows
      .filter((r) => !badLines.has(r.line))
      .map((r) => ({ ...r.row, areaId: r.row.areaCode ? areaIds.get(r.row.areaCode)! : null }));
    errors.sort((a, b) => a.line - b.line || columnOrder(a.column) - columnOrder(b.column));
    const badRows = badLines.size;
    const result: ImportResult = {
      dryRun,
      ok: errors.length === 0,
      siteCode: site.code,
      rowCount: parsed.rowCount,
      validCount: good.length,
      created: 0,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      errorCount: errors.length,
    };

    if (dryRun) return result;
    if (errors.length) {
      throw new ServiceError(
        "invalid",
        `Nothing was imported: ${errors.length} problem${errors.length === 1 ? "" : "s"} in ${badRows} row${badRows === 1 ? "" : "s"} of the file.`,
        {
          errors: result.errors.map((e) => ({ path: cellPath(e), message: e.message })),
          rowErrors: result.errors,
          errorCount: errors.length,
        },
      );
    }
    const reason = `CSV import of ${good.length} asset${good.length === 1 ? "" : "s"}`;
    const created = await insertAssets(tx, actor, site, good, { audit: "caller" });
    const idByTag = new Map(created.map((c) => [c.tag.toLowerCase(), c.id]));
    await appendAudit(tx, actor, {
      action: "asset.import",
      objectType: "site",
      objectId: site.id,
      siteId: site.id,
      after: {
        siteCode: site.code,
        rows: parsed.rowCount,
        created: created.length,
        bytes: Buffer.byteLength(csvText),
        assets: good.map(({ areaId: _areaId, ...row }) => ({
          id: idByTag.get(row.tag.toLowerCase())!,
          ...auditFields({ ...row, siteCode: site.code }),
        })),
      },
      reason,
    });
    return { ...result, created: created.length };
  });
}
