import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { idpRoleMappings, roleGrants, sites } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";

/**
 * Removes a mapping, and at once the IdP grants it gave (a role taken away should not wait for
 * the holder's next sign-in). Another mapping that gives the same role restores it at that sign-in.
 */
export async function deleteRoleMapping(actor: Actor, id: string) {
  requireAdmin(actor, "user.manage");
  const mappingId = parseInput(z.uuid({ message: "Not a mapping id." }), id, "The mapping id");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ m: idpRoleMappings, siteCode: sites.code })
      .from(idpRoleMappings)
      .innerJoin(sites, eq(sites.id, idpRoleMappings.siteId))
      .where(eq(idpRoleMappings.id, mappingId))
      .for("update", { of: idpRoleMappings });
    if (!row) throw notFound("Role mapping");
    const { m } = row;
    const cause = `${m.claim}=${m.value}`;
    await tx.delete(idpRoleMappings).where(eq(idpRoleMappings.id, m.id));
    await appendAudit(tx, actor, {
      action: "sso.mapping_delete",
      objectType: "idp_role_mapping",
      objectId: m.id,
      siteId: m.siteId,
      before: { claim: m.claim, value: m.value, siteCode: row.siteCode, role: m.role },
    });
    const removed = await tx
      .delete(roleGrants)
      .where(
        and(
          eq(roleGrants.source, "idp"),
          eq(roleGrants.idpClaim, cause),
          eq(roleGrants.siteId, m.siteId),
          eq(roleGrants.role, m.role),
        ),
      )
      .returning({ userId: roleGrants.userId });
    for (const r of removed)
      await appendAudit(tx, actor, {
        action: "role.revoke",
        objectType: "user",
        objectId: r.userId,
        siteId: m.siteId,
        before: { siteCode: row.siteCode, role: m.role, source: "idp", claim: cause },
        reason: `Role mapping ${cause} → ${row.siteCode}:${m.role} removed`,
      });
    return { revokedGrants: removed.length };
  });
}
