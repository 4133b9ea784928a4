import "server-only";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission, type SitePermission } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/services/base/errors";

/**
 * Threat intelligence is plant-wide input: a security approver at any site may import it, and
 * the command line (the server's operator) may too. Matches and decisions stay per site.
 */
export function requireIntake(actor: Actor): void {
  if (actor.kind === "system") return;
  if (sitesWithPermission(actor, "advisory.import").length === 0)
    throw forbidden(
      "Only a security approver may import advisories and the KEV catalog; ask your site's security approver.",
    );
}

/** Site ids whose advisory matches the actor may see (or act on, for a stronger permission). */
export function advisorySites(actor: Actor, permission: SitePermission = "advisory.view"): string[] {
  return sitesWithPermission(actor, permission);
}

/** All site ids for the command line (the operator's view); the actor's visible sites otherwise. */
export async function visibleSiteIds(db: Executor, actor: Actor): Promise<string[]> {
  if (actor.kind === "system") return (await db.select({ id: sites.id }).from(sites)).map((s) => s.id);
  return advisorySites(actor);
}
