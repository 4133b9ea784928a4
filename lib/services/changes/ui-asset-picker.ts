import "server-only";
// Read-only queries behind the change form's asset picker: the asset service's search plus the
// facts the live risk panel needs (site id, every member of each redundancy group).
import { and, eq, isNotNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import type { AssetKind, Criticality } from "@/lib/domain/constants";
import { assetsByIds, searchAssets } from "@/lib/services/assets/get";
import type { AssetView } from "@/lib/services/assets/view";

export interface PickerAsset {
  id: string;
  siteId: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  tag: string;
  name: string;
  kind: AssetKind;
  areaCode: string | null;
  vendor: string;
  product: string;
  version: string;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  redundancyGroup: string | null;
  redundancyGroupMembers: string[];
}

async function enrich(actor: Actor, views: AssetView[]): Promise<PickerAsset[]> {
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
        redundancyGroup: v.redundancyGroup,
        redundancyGroupMembers: v.redundancyGroup
          ? members.filter((m) => m.siteId === siteId && m.group === v.redundancyGroup).map((m) => m.id)
          : [],
      },
    ];
  });
}

/** Picker search: only assets at sites where the actor may request changes. */
export async function searchPickerAssets(actor: Actor, q: string, limit = 20): Promise<PickerAsset[]> {
  const requestable = new Set(sitesWithPermission(actor, "change.create"));
  if (requestable.size === 0) return [];
  // Over-fetch: the asset search is scoped to viewable sites, which may include others.
  const views = await searchAssets(actor, q, Math.min(limit * 3, 100));
  const picked = await enrich(actor, views);
  return picked.filter((a) => requestable.has(a.siteId)).slice(0, limit);
}

/** The assets of an existing change, as the form shows them; invisible ids are left out. */
export async function pickerAssetsByIds(actor: Actor, ids: readonly string[]): Promise<PickerAsset[]> {
  return enrich(actor, await assetsByIds(actor, ids));
}
