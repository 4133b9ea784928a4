import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idpRoleMappings, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import type { RoleMappingView } from "@/lib/types/sso";

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
