import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { notFound } from "@/lib/services/base/errors";

/** Assets the actor may plan against: every one must be at a site where they can see the schedule. */
export async function visibleAssets(ex: Executor, actor: Actor, ids: readonly string[]) {
  const rows = await ex
    .select({ id: assets.id, siteId: assets.siteId })
    .from(assets)
    .where(inArray(assets.id, [...new Set(ids)]));
  const seen = new Set(
    rows.filter((r) => hasSitePermission(actor, "window.view", r.siteId)).map((r) => r.id),
  );
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length) throw notFound(`Asset ${missing[0]}`);
  return rows;
}
