import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites } from "@/db/schema/index";
import type { Actor } from "@/lib/auth/actor";
import { createAssetSchema } from "@/lib/schemas/assets";
import { areaIdsByCode, insertAssets } from "@/lib/services/assets/write";
import { DEMO_ASSETS } from "./demo-assets-data";

/**
 * The demo plants' inventory, in one transaction with one audited `asset.create` per asset.
 * It writes through the asset service's insert (the command-line actor holds no site role, so the
 * role-checking createAsset would refuse it) but validates every row with the same schema.
 */
export async function seedDemoAssets(actor: Actor): Promise<{ created: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    let created = 0;
    for (const [code, rows] of Object.entries(DEMO_ASSETS)) {
      const [site] = await tx.select().from(sites).where(eq(sites.code, code));
      if (!site) throw new Error(`Demo site ${code} is missing; seed the sites first.`);
      const areaIds = await areaIdsByCode(tx, site.id);
      const values = rows.map((row) => {
        const { siteCode: _siteCode, ...data } = createAssetSchema.parse({ siteCode: code, ...row });
        const areaId = data.areaCode ? areaIds.get(data.areaCode) : null;
        if (areaId === undefined)
          throw new Error(`Demo asset ${row.tag}: site ${code} has no area ${data.areaCode}.`);
        return { ...data, areaId };
      });
      created += (await insertAssets(tx, actor, site, values, { reason: "Demo plant seed" })).length;
    }
    return { created };
  });
}
