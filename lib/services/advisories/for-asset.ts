import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { advisories, assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import { requireSitePermission } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import type { AssetAdvisory } from "@/lib/types/advisories";
import { kevMarks, linkedChanges, siteReviews } from "./load";
import { combineMatches, decisionsFor, inventoryAt } from "./matches";

/** The advisories that affect (or may affect) one asset, each with its site's CIP-007 R2 clock. */
export async function advisoriesForAsset(
  actor: Actor,
  assetId: string,
  now = currentTime(),
): Promise<AssetAdvisory[]> {
  const db = await getDb();
  const [asset] = await db.select({ siteId: assets.siteId }).from(assets).where(eq(assets.id, assetId));
  if (!asset) throw notFound("Asset");
  requireSitePermission(actor, "advisory.view", asset.siteId, "Asset");
  const inventory = (await inventoryAt(db, [asset.siteId])).filter((a) => a.id === assetId);
  if (!inventory.length) return [];
  const rows = await db.select().from(advisories);
  const decisions = await decisionsFor(
    db,
    rows.map((r) => r.id),
  );
  const kev = await kevMarks(
    db,
    rows.flatMap((r) => r.cveIds),
  );
  const out: AssetAdvisory[] = [];
  for (const row of rows) {
    const [m] = combineMatches(
      row.facts as AdvisoryFacts,
      inventory,
      decisions.filter((d) => d.advisoryId === row.id),
    );
    if (!m || m.status === "not_affected") continue;
    const links = await linkedChanges(db, [row.id], [asset.siteId]);
    const [review] = await siteReviews(db, row, [m], links, now);
    out.push({
      id: row.id,
      trackingId: row.trackingId,
      title: row.title,
      status: m.status,
      reason: m.reason,
      knownExploited: m.cves.some((c) => kev.has(c)),
      clock: review?.clock ?? null,
      timeZone: review?.timeZone ?? inventory[0]!.siteTimeZone,
    });
  }
  return out.sort((a, b) => Number(b.clock?.overdue ?? false) - Number(a.clock?.overdue ?? false));
}
