import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { grantSchema } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { grantSite, lockUser, refuseOwnAccount } from "./internal/lookup";

export async function grantRole(actor: Actor, email: string, input: { siteCode: string; role: string }) {
  requireAdmin(actor, "user.manage");
  const grant = grantSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    refuseOwnAccount(
      actor,
      user.id,
      "You cannot grant a role to your own account; another administrator must grant it.",
    );
    const site = await grantSite(tx, grant.siteCode);
    const inserted = await tx
      .insert(roleGrants)
      .values({ userId: user.id, siteId: site.id, role: grant.role, grantedBy: actor.userId })
      // A role held from the identity provider becomes a manual grant, which sign-ins leave alone.
      .onConflictDoUpdate({
        target: [roleGrants.userId, roleGrants.siteId, roleGrants.role],
        set: { source: "manual", idpClaim: null, grantedBy: actor.userId, grantedAt: new Date() },
        setWhere: eq(roleGrants.source, "idp"),
      })
      .returning();
    if (inserted.length)
      await appendAudit(tx, actor, {
        action: "role.grant",
        objectType: "user",
        objectId: user.id,
        siteId: site.id,
        after: grant,
      });
    return { granted: inserted.length > 0 };
  });
}
