import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assets, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { notFound } from "@/lib/services/base/errors";

/**
 * Assets the actor may plan against: every one must be at a site where they can see the schedule.
 * With what the scheduling rules need of them and their sites, so that those are not read twice.
 */
export async function visibleAssets(ex: Executor, actor: Actor, ids: readonly string[]) {
  const rows = await ex
    .select({
      id: assets.id,
      tag: assets.tag,
      siteId: assets.siteId,
      areaId: assets.areaId,
      redundancyGroup: assets.redundancyGroup,
      siteCode: sites.code,
      siteName: sites.name,
      timeZone: sites.timeZone,
    })
    .from(assets)
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .where(inArray(assets.id, [...new Set(ids)]));
  const seen = new Set(
    rows.filter((r) => hasSitePermission(actor, "window.view", r.siteId)).map((r) => r.id),
  );
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length) throw notFound(`Asset ${missing[0]}`);
  return rows;
}
