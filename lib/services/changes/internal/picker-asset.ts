import "server-only";
import { and, eq, isNotNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { AssetView } from "@/lib/services/assets/view";
import type { PickerAsset } from "@/lib/types/changes";
export type { PickerAsset };

/** The asset views with what the live risk panel needs: site id and every member of each redundancy group. */
export async function pickerAssets(actor: Actor, views: AssetView[]): Promise<PickerAsset[]> {
  if (views.length === 0) return [];
  const siteIdByCode = new Map(actor.grants.map((g) => [g.siteCode, g.siteId]));
  const db = await getDb();
  const groups = views
    .filter((v) => v.redundancyGroup && siteIdByCode.has(v.siteCode))
    .map((v) => ({ siteId: siteIdByCode.get(v.siteCode)!, group: v.redundancyGroup! }));
  const members = groups.length
    ? await db
        .select({ id: assets.id, siteId: assets.siteId, group: assets.redundancyGroup })
        .from(assets)
        .where(
          and(
            isNotNull(assets.redundancyGroup),
            or(...groups.map((g) => and(eq(assets.siteId, g.siteId), eq(assets.redundancyGroup, g.group)))),
          ),
        )
    : [];
  return views.flatMap((v) => {
    const siteId = siteIdByCode.get(v.siteCode);
    if (!siteId) return [];
    return [
      {
        id: v.id,
        siteId,
        siteCode: v.siteCode,
        siteName: v.siteName,
        timeZone: v.siteTimeZone,
        tag: v.tag,
        name: v.name,
        kind: v.kind,
        areaCode: v.areaCode,
        vendor: v.vendor,
        product: v.product,
        version: v.version,
        criticality: v.criticality,
        safetyRelated: v.safetyRelated,
        gxp: v.gxp,
        exposure: v.exposure,
        redundancyGroup: v.redundancyGroup,
        redundancyGroupMembers: v.redundancyGroup
          ? members.filter((m) => m.siteId === siteId && m.group === v.redundancyGroup).map((m) => m.id)
          : [],
      },
    ];
  });
}
