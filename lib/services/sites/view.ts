import type { Actor } from "@/lib/auth/actor";
import { scopeFor } from "@/lib/services/authorize";
import type { SiteView } from "@/lib/types/sites";
export type { SiteView };

/** The sites the actor may see: administrators see every site (they manage them); everyone else those where they hold a role. */
export function siteScope(actor: Actor): string[] | "all" {
  return actor.isAdmin ? "all" : scopeFor(actor, "site.view");
}

/** Site codes as createSiteSchema allows them; anything else cannot name a site (and may not even be storable text). */
export const SITE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
