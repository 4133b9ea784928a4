import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeFor } from "@/lib/services/authorize";
import { assetTextMatch, selectAssets, toView, type AssetView } from "./view";
import { containsPattern, likeEscape } from "@/lib/services/base/match";

/**
 * Picker search: exact tag first, then tags starting with the text, then other matches on tag,
 * name, vendor, product or model number.
 */
export async function searchAssets(
  actor: Actor,
  q: string,
  limit = 20,
  opts: { siteCode?: string } = {},
): Promise<AssetView[]> {
  const scope = scopeFor(actor, "asset.view");
  const text = String(q ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 100);
  if (!scope.length || !text) return [];
  const n = Math.min(Math.max(Math.trunc(Number(limit)) || 20, 1), 100);
  const escaped = likeEscape(text.toLowerCase());
  const contains = containsPattern(text.toLowerCase());
  const db = await getDb();
  const rank = sql`case when lower(${assets.tag}) = ${text.toLowerCase()} then 0 when lower(${assets.tag}) like ${`${escaped}%`} then 1 else 2 end`;
  const rows = await selectAssets(db)
    .where(
      and(
        inArray(assets.siteId, scope),
        opts.siteCode
          ? eq(sites.code, opts.siteCode.replace(/[\u0000-\u001f]/g, "").toUpperCase())
          : undefined,
        assetTextMatch(contains),
      ),
    )
    .orderBy(rank, asc(sql`lower(${assets.tag})`), asc(assets.id))
    .limit(n);
  return rows.map(toView);
}
