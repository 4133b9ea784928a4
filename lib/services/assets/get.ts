import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeFor } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import { selectAssets, toView, type AssetView } from "./view";
import { UUID_RE } from "@/lib/services/base/match";

/** One asset; "not found" alike for a malformed id, a missing asset and one at a site the actor cannot see. */
export async function getAsset(actor: Actor, id: string): Promise<AssetView> {
  const scope = scopeFor(actor, "asset.view");
  if (typeof id !== "string" || !UUID_RE.test(id) || scope.length === 0) throw notFound("Asset");
  const db = await getDb();
  const [row] = await selectAssets(db).where(and(eq(assets.id, id), inArray(assets.siteId, scope)));
  if (!row) throw notFound("Asset");
  return toView(row);
}
