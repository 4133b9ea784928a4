import "server-only";
import type { SiteChoice } from "@/components/assets/asset-form";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission, type SitePermission } from "@/lib/auth/permissions";
import { listSites } from "@/lib/services/sites/list-sites";

/** The caller's sites where they hold the permission, with their areas, for a site picker. */
export async function siteChoices(actor: Actor, permission: SitePermission): Promise<SiteChoice[]> {
  const sites = await listSites(actor);
  return sites
    .filter((s) => hasSitePermission(actor, permission, s.id))
    .map((s) => ({
      code: s.code,
      name: s.name,
      areas: s.areas.map((a) => ({ code: a.code, name: a.name })),
    }));
}
