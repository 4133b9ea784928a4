import "server-only";
// Read-only: who holds which role at the sites the actor may see, so that a refusal or an empty
// page can name the people who can help ("Ask Elena Brooks, change manager at GCR").
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SiteRole } from "@/lib/domain/constants";
import type { SiteContact } from "@/lib/types/sites";
import { siteScope } from "./view";

/** Active holders of `roles` at the given sites, limited to the sites the actor may see. */
export async function listSiteContacts(
  actor: Actor,
  siteIds: readonly string[],
  roles: readonly SiteRole[],
): Promise<SiteContact[]> {
  const scope = siteScope(actor);
  const visible = scope === "all" ? [...siteIds] : siteIds.filter((id) => scope.includes(id));
  if (visible.length === 0 || roles.length === 0) return [];
  const db = await getDb();
  return db
    .select({ siteCode: sites.code, role: roleGrants.role, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(sites, eq(sites.id, roleGrants.siteId))
    .where(
      and(
        inArray(roleGrants.siteId, visible),
        inArray(roleGrants.role, [...roles]),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(sites.code), asc(roleGrants.role), asc(users.name))
    .limit(500);
}
