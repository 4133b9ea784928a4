import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idpGrantApprovals, idpRoleMappings, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import type { HeldRoleView, RoleMappingView } from "@/lib/types/sso";

export async function listRoleMappings(actor: Actor): Promise<RoleMappingView[]> {
  requireAdmin(actor, "user.manage");
  const db = await getDb();
  return db
    .select({
      id: idpRoleMappings.id,
      claim: idpRoleMappings.claim,
      value: idpRoleMappings.value,
      siteCode: sites.code,
      role: idpRoleMappings.role,
      createdAt: idpRoleMappings.createdAt,
    })
    .from(idpRoleMappings)
    .innerJoin(sites, eq(sites.id, idpRoleMappings.siteId))
    .orderBy(idpRoleMappings.claim, idpRoleMappings.value, sites.code, idpRoleMappings.role);
}

/** Roles the provider's claims would give administrators, waiting for another administrator. */
export async function listHeldRoles(actor: Actor): Promise<HeldRoleView[]> {
  requireAdmin(actor, "user.manage");
  const db = await getDb();
  const rows = await db
    .select({
      id: idpGrantApprovals.id,
      email: users.email,
      name: users.name,
      userId: users.id,
      siteCode: sites.code,
      role: idpGrantApprovals.role,
      claim: idpGrantApprovals.claim,
      requestedAt: idpGrantApprovals.requestedAt,
    })
    .from(idpGrantApprovals)
    .innerJoin(users, eq(users.id, idpGrantApprovals.userId))
    .innerJoin(sites, eq(sites.id, idpGrantApprovals.siteId))
    .where(and(isNull(idpGrantApprovals.decidedAt)))
    .orderBy(idpGrantApprovals.requestedAt);
  return rows.map(({ userId, ...r }) => ({ ...r, own: userId === actor.userId }));
}
