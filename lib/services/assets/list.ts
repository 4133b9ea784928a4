import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Page } from "@/lib/services/base/page";
import { assetListQuerySchema } from "@/lib/schemas/assets";
import { scopeFor } from "@/lib/services/authorize";
import { findAssets } from "./find";
import { parseInput } from "@/lib/services/base/parse-input";
import type { AssetView } from "./view";

/** A page of the assets the actor may view, filtered and sorted on the server. */
export async function listAssets(actor: Actor, query: unknown): Promise<Page<AssetView>> {
  const filters = parseInput(assetListQuerySchema, query, "The query");
  const scope = scopeFor(actor, "asset.view");
  return findAssets(await getDb(), scope, filters);
}
