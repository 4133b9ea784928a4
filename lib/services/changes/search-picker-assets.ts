import "server-only";
// Read-only: the change form's asset picker searches the asset service and adds the facts the
// live risk panel needs.
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { searchAssets } from "@/lib/services/assets/search";
import { pickerAssets, type PickerAsset } from "./internal/picker-asset";

/** Picker search: only assets at sites where the actor may request changes. */
export async function searchPickerAssets(actor: Actor, q: string, limit = 20): Promise<PickerAsset[]> {
  const requestable = new Set(sitesWithPermission(actor, "change.create"));
  if (requestable.size === 0) return [];
  // Over-fetch: the asset search is scoped to viewable sites, which may include others.
  const views = await searchAssets(actor, q, Math.min(limit * 3, 100));
  const picked = await pickerAssets(actor, views);
  return picked.filter((a) => requestable.has(a.siteId)).slice(0, limit);
}
