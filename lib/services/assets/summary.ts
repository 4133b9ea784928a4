import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Criticality } from "@/lib/domain/constants";
import { scopeFor } from "../authorize";

export interface SiteAssetSummary {
  siteCode: string;
  siteName: string;
  timeZone: string;
  byCriticality: Record<Criticality, number>;
  safetyRelated: number;
  total: number;
}

export async function assetSummary(actor: Actor): Promise<SiteAssetSummary[]> {
  const scope = scopeFor(actor, "asset.view");
  if (!scope.length) return [];
  const db = await getDb();
  const siteRows = await db.select().from(sites).where(inArray(sites.id, scope)).orderBy(sites.code);
  const rows = await db
    .select({ siteId: assets.siteId, criticality: assets.criticality, n: count() })
    .from(assets)
    .where(inArray(assets.siteId, scope))
    .groupBy(assets.siteId, assets.criticality);
  const safety = await db
    .select({ siteId: assets.siteId, n: count() })
    .from(assets)
    .where(and(inArray(assets.siteId, scope), eq(assets.safetyRelated, true)))
    .groupBy(assets.siteId);
  return siteRows.map((s) => {
    const byCriticality: Record<Criticality, number> = {
      safety_critical: 0,
      production_critical: 0,
      supporting: 0,
    };
    for (const r of rows) if (r.siteId === s.id) byCriticality[r.criticality] = r.n;
    return {
      siteCode: s.code,
      siteName: s.name,
      timeZone: s.timeZone,
      byCriticality,
      safetyRelated: safety.find((x) => x.siteId === s.id)?.n ?? 0,
      total: Object.values(byCriticality).reduce((a, b) => a + b, 0),
    };
  });
}
