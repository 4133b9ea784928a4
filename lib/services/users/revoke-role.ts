import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { grantSchema } from "@/lib/schemas/users";
import { requireAdmin } from "@/lib/services/authorize";
import { grantSite, lockUser } from "./internal/lookup";

export async function revokeRole(actor: Actor, email: string, input: { siteCode: string; role: string }) {
  requireAdmin(actor, "user.manage");
  const grant = grantSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, email);
    const site = await grantSite(tx, grant.siteCode);
    const removed = await tx
      .delete(roleGrants)
      .where(
        and(eq(roleGrants.userId, user.id), eq(roleGrants.siteId, site.id), eq(roleGrants.role, grant.role)),
      )
      .returning();
    if (removed.length)
      await appendAudit(tx, actor, {
        action: "role.revoke",
        objectType: "user",
        objectId: user.id,
        siteId: site.id,
        before: grant,
      });
    return { revoked: removed.length > 0 };
  });
}
