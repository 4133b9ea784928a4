import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { areas, assets } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import type { AssetCsvRow } from "@/lib/schemas/assets";
import { conflict } from "@/lib/services/base/errors";
import { auditFields, isUniqueViolation } from "./view";

export type AssetFields = AssetCsvRow;

/** Area ids by upper-case code at one site. */
export async function areaIdsByCode(tx: Tx, siteId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: areas.id, code: areas.code })
    .from(areas)
    .where(eq(areas.siteId, siteId));
  return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
}

/** Tags (lower-cased) among the given ones that the site's inventory already holds, with their spelling. */
export async function existingTags(tx: Tx, siteId: string, tags: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const lower = [...new Set(tags.map((t) => t.toLowerCase()))];
  for (let i = 0; i < lower.length; i += 1000) {
    const chunk = lower.slice(i, i + 1000);
    const rows = await tx
      .select({ tag: assets.tag })
      .from(assets)
      .where(and(eq(assets.siteId, siteId), inArray(sql`lower(${assets.tag})`, chunk)));
    for (const r of rows) found.set(r.tag.toLowerCase(), r.tag);
  }
  return found;
}

/**
 * Inserts validated assets at one site in the caller's transaction, auditing one `asset.create`
 * per asset unless the caller records the whole batch in one event (`audit: "caller"`). It does
 * not authorize: callers (create, import, the demo seed) do that first.
 */
export async function insertAssets(
  tx: Tx,
  actor: Actor,
  site: { id: string; code: string },
  rows: (AssetFields & { areaId: string | null })[],
  opts: { reason?: string | null; audit?: "each" | "caller" } = {},
): Promise<{ id: string; tag: string }[]> {
  const created: { id: string; tag: string }[] = [];
  const now = currentTime();
  try {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const inserted = await tx
        .insert(assets)
        .values(
          chunk.map(({ areaCode: _areaCode, ...r }) => ({
            ...r,
            siteId: site.id,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: assets.id, tag: assets.tag });
      created.push(...inserted);
    }
  } catch (e) {
    // Another writer took one of these tags between our check and the insert.
    if (isUniqueViolation(e))
      throw conflict(
        `An asset with one of these tags was just added at ${site.code}; nothing was saved. Reload and try again.`,
        { errors: [{ path: "tag", message: "Tag already exists at this site." }] },
      );
    throw e;
  }
  if (opts.audit === "caller") return created;
  // Tags are unique per site, so they tie each returned id to its row whatever order RETURNING uses.
  const idByTag = new Map(created.map((c) => [c.tag.toLowerCase(), c.id]));
  for (const { areaId: _areaId, ...fields } of rows) {
    await appendAudit(tx, actor, {
      action: "asset.create",
      objectType: "asset",
      objectId: idByTag.get(fields.tag.toLowerCase())!,
      siteId: site.id,
      after: auditFields({ ...fields, siteCode: site.code }),
      reason: opts.reason ?? null,
    });
  }
  return created;
}
