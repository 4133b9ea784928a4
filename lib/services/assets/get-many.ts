import "server-only";
import { and, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeFor } from "@/lib/services/authorize";
import { selectAssets, toView, type AssetView } from "./view";
import { UUID_RE } from "@/lib/services/base/match";

/** The visible assets among the ids, in the order asked; unknown, invisible and malformed ids are left out. */
export async function assetsByIds(actor: Actor, ids: readonly string[]): Promise<AssetView[]> {
  const scope = scopeFor(actor, "asset.view");
  const wanted = [
    ...new Set(ids.filter((id) => typeof id === "string" && UUID_RE.test(id)).map((id) => id.toLowerCase())),
  ].slice(0, 500);
  if (!wanted.length || !scope.length) return [];
  const db = await getDb();
  const rows = await selectAssets(db).where(and(inArray(assets.id, wanted), inArray(assets.siteId, scope)));
  const byId = new Map(rows.map((r) => [r.id, toView(r)]));
  return wanted.map((id) => byId.get(id)).filter((a): a is AssetView => Boolean(a));
}
