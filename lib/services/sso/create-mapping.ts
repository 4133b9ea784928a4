import "server-only";
import { getDb } from "@/db/client";
import { idpRoleMappings } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { roleMappingSchema, type RoleMappingInput } from "@/lib/schemas/sso";
import { requireAdmin } from "@/lib/services/authorize";
import { conflict } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { grantSite } from "@/lib/services/users/internal/lookup";

/** A new mapping applies from each user's next SSO sign-in. */
export async function createRoleMapping(
  actor: Actor,
  input: Omit<RoleMappingInput, "role"> & { role: string },
) {
  requireAdmin(actor, "user.manage");
  const data = parseInput(roleMappingSchema, input, "The mapping");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const site = await grantSite(tx, data.siteCode);
    const [row] = await tx
      .insert(idpRoleMappings)
      .values({
        claim: data.claim,
        value: data.value,
        siteId: site.id,
        role: data.role,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${data.claim}=${data.value} already maps to ${data.siteCode}:${data.role}.`);
    await appendAudit(tx, actor, {
      action: "sso.mapping_create",
      objectType: "idp_role_mapping",
      objectId: row.id,
      siteId: site.id,
      after: { claim: data.claim, value: data.value, siteCode: site.code, role: data.role },
    });
    return { id: row.id, claim: row.claim, value: row.value, siteCode: site.code, role: row.role };
  });
}
