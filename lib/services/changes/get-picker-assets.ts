import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assetsByIds } from "@/lib/services/assets/get-many";
import { pickerAssets, type PickerAsset } from "./internal/picker-asset";

/** The assets of an existing change, as the form shows them; invisible ids are left out. */
export async function pickerAssetsByIds(actor: Actor, ids: readonly string[]): Promise<PickerAsset[]> {
  return pickerAssets(actor, await assetsByIds(actor, ids));
}
