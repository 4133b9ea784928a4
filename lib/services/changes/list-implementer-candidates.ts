import "server-only";
// Read-only: who may be named implementer, for the change form's suggestions. The rule itself
// (requester role at every site of the change) is enforced by createChange/updateChange.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import type { ImplementerCandidate } from "@/lib/types/changes";
export type { ImplementerCandidate };

/** Active users holding the requester role at sites where the actor may request changes. */
export async function implementerCandidates(actor: Actor): Promise<ImplementerCandidate[]> {
  const scope = sitesWithPermission(actor, "change.create");
  if (scope.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ email: users.email, name: users.name, siteCode: sites.code })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(sites, eq(sites.id, roleGrants.siteId))
    .where(and(eq(roleGrants.role, "requester"), inArray(roleGrants.siteId, scope), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(sites.code))
    .limit(2000);
  const byEmail = new Map<string, ImplementerCandidate>();
  for (const r of rows) {
    const c = byEmail.get(r.email) ?? { email: r.email, name: r.name, siteCodes: [] };
    c.siteCodes.push(r.siteCode);
    byEmail.set(r.email, c);
  }
  return [...byEmail.values()];
}
