import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createAssetSchema } from "@/lib/schemas/assets";
import { requireSitePermission, scopeFor } from "@/lib/services/authorize";
import { conflict, forbidden, invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { selectAssets, toView, type AssetView } from "./view";
import { areaIdsByCode, existingTags, insertAssets } from "./write";

export async function createAsset(actor: Actor, input: unknown): Promise<AssetView> {
  if (scopeFor(actor, "asset.edit").length === 0)
    throw forbidden("Your roles do not allow adding assets at any site.");
  const { siteCode, ...data } = parseInput(createAssetSchema, input, "The asset");
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const [site] = await tx.select().from(sites).where(eq(sites.code, siteCode));
    if (!site) throw notFound("Site");
    requireSitePermission(actor, "asset.edit", site.id, "Site");
    let areaId: string | null = null;
    if (data.areaCode) {
      areaId = (await areaIdsByCode(tx, site.id)).get(data.areaCode) ?? null;
      if (!areaId)
        throw invalid(`Site ${site.code} has no area ${data.areaCode}.`, [
          { path: "areaCode", message: `Site ${site.code} has no area ${data.areaCode}.` },
        ]);
    }
    const taken = (await existingTags(tx, site.id, [data.tag])).get(data.tag.toLowerCase());
    if (taken)
      throw conflict(`Site ${site.code} already has an asset tagged ${taken}.`, {
        errors: [{ path: "tag", message: `Site ${site.code} already has an asset tagged ${taken}.` }],
      });
    const [created] = await insertAssets(tx, actor, site, [{ ...data, areaId }]);
    return created!.id;
  });
  const [row] = await selectAssets(db).where(eq(assets.id, id));
  return toView(row!);
}
