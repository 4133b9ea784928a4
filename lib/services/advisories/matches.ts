import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { advisoryMatchDecisions, areas, assets, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { matchAssets } from "@/lib/domain/advisories";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import type { MatchDecision, MatchedAsset, MatchView } from "@/lib/types/advisories";
import { visibleSiteIds } from "./access";

const columns = {
  id: assets.id,
  siteId: assets.siteId,
  siteCode: sites.code,
  siteName: sites.name,
  siteTimeZone: sites.timeZone,
  areaName: areas.name,
  tag: assets.tag,
  name: assets.name,
  kind: assets.kind,
  vendor: assets.vendor,
  product: assets.product,
  modelNumber: assets.modelNumber,
  version: assets.version,
  criticality: assets.criticality,
  safetyRelated: assets.safetyRelated,
  exposure: assets.exposure,
};

/** Assets with a vendor at the given sites: the inventory an advisory is matched against. */
export async function inventoryAt(db: Executor, siteIds: string[]): Promise<MatchedAsset[]> {
  if (!siteIds.length) return [];
  return db
    .select(columns)
    .from(assets)
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .leftJoin(areas, eq(areas.id, assets.areaId))
    .where(and(inArray(assets.siteId, siteIds), ne(assets.vendor, "")));
}

export async function decisionsFor(db: Executor, advisoryIds: string[]) {
  if (!advisoryIds.length) return [];
  return db
    .select({
      advisoryId: advisoryMatchDecisions.advisoryId,
      assetId: advisoryMatchDecisions.assetId,
      status: advisoryMatchDecisions.status,
      reason: advisoryMatchDecisions.reason,
      decidedAt: advisoryMatchDecisions.decidedAt,
      decidedByName: users.name,
    })
    .from(advisoryMatchDecisions)
    .innerJoin(users, eq(users.id, advisoryMatchDecisions.decidedBy))
    .where(inArray(advisoryMatchDecisions.advisoryId, advisoryIds));
}

/** Pure: the rule's matches with recorded decisions laid over the unknown ones. */
export function combineMatches(
  facts: AdvisoryFacts,
  inventory: MatchedAsset[],
  decisions: {
    assetId: string;
    status: "affected" | "not_affected";
    reason: string;
    decidedAt: Date;
    decidedByName: string;
  }[],
): MatchView[] {
  const byAsset = new Map(decisions.map((d) => [d.assetId, d]));
  return matchAssets(facts, inventory).map((m) => {
    // A decision settles only what the rules left unknown; a newer revision that decides it wins.
    const d = m.status === "unknown" ? byAsset.get(m.asset.id) : undefined;
    const decision = d
      ? { status: d.status, reason: d.reason, decidedByName: d.decidedByName, decidedAt: d.decidedAt }
      : null;
    return {
      assetId: m.asset.id,
      siteCode: m.asset.siteCode,
      status: decision?.status ?? m.status,
      reason: decision
        ? `Decided ${decision.status === "affected" ? "affected" : "not affected"} by ${decision.decidedByName}: ${decision.reason}`
        : m.reason,
      ruleStatus: m.status,
      rule: m.rule,
      cves: m.vulnerabilities,
      productIds: m.leaves.filter((l) => l.status !== "not_affected").map((l) => l.productId),
      decision,
      asset: m.asset,
    };
  });
}

/** Every asset of the advisory's vendors at the sites the actor may see, with its match. */
export async function matchesFor(
  actor: Actor,
  advisoryId: string,
  facts: AdvisoryFacts,
  db?: Executor,
): Promise<MatchView[]> {
  const exec = db ?? (await getDb());
  const [inventory, decisions] = await Promise.all([
    inventoryAt(exec, await visibleSiteIds(exec, actor)),
    decisionsFor(exec, [advisoryId]),
  ]);
  return combineMatches(facts, inventory, decisions);
}

export type { MatchDecision, MatchedAsset, MatchView };
