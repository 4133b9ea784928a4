import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idpGrantApprovals, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import type { HeldRoleView } from "@/lib/types/sso";

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
