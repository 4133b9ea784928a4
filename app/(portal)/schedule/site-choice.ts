import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { listSites } from "@/lib/services/sites/list-sites";
import { type SiteView } from "@/lib/services/sites/view";

/**
 * The sites whose schedule the actor may read, and the one the URL asks for (else the
 * first). An unknown or invisible code yields null so the page can answer 404.
 */
export async function chooseSite(
  actor: Actor,
  requested: string | undefined,
): Promise<{ sites: SiteView[]; site: SiteView | null }> {
  const readable = new Set(sitesWithPermission(actor, "window.view"));
  const sites = (await listSites(actor)).filter((s) => readable.has(s.id));
  if (!requested) return { sites, site: sites[0] ?? null };
  const code = requested.toUpperCase();
  return { sites, site: sites.find((s) => s.code === code) ?? null };
}

export function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
