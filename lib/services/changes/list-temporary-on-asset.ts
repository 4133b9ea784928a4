import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { expiryStatus } from "@/lib/domain/changes/temporary";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import type { TemporaryOnAsset } from "@/lib/types/changes";
import { visibleSiteIds } from "./internal/access";
import { visibleTo } from "./internal/list-queries";
import { temporaryInPlaceRows } from "./internal/temporary-in-place";

/**
 * The temporary changes in place on an asset (completed, revert not closed), soonest expiry
 * first: what the asset page shows as its temporary state. The caller has already shown the asset.
 */
export async function listTemporaryOnAsset(actor: Actor, assetId: string): Promise<TemporaryOnAsset[]> {
  const visible = visibleSiteIds(actor);
  if (visible.length === 0) return [];
  const db = await getDb();
  const now = currentTime();
  const rows = await temporaryInPlaceRows(db, { scope: await visibleTo(db, visible), assetId, limit: 50 });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    temporaryUntil: isoUtc(r.temporaryUntil),
    status: expiryStatus(r.temporaryUntil, now, r.timeZone),
    revert: r.revert,
  }));
}
