import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { idpGrantApprovals, roleGrants, sites, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { heldRoleDecisionSchema } from "@/lib/schemas/sso";
import { requireAdmin } from "@/lib/services/authorize";
import { conflict, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { refuseOwnAccount } from "@/lib/services/users/internal/lookup";

/**
 * A second administrator approves (the role is granted as an IdP grant, kept while the claim
 * stays) or declines a role the provider's claims would give an administrator's own account.
 */
export async function decideHeldRole(actor: Actor, id: string, input: { decision: string }) {
  requireAdmin(actor, "user.manage");
  const heldId = parseInput(z.uuid({ message: "Not a held role id." }), id, "The held role id");
  const { decision } = parseInput(heldRoleDecisionSchema, input, "The decision");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ h: idpGrantApprovals, siteCode: sites.code, email: users.email })
      .from(idpGrantApprovals)
      .innerJoin(sites, eq(sites.id, idpGrantApprovals.siteId))
      .innerJoin(users, eq(users.id, idpGrantApprovals.userId))
      .where(eq(idpGrantApprovals.id, heldId))
      .for("update", { of: idpGrantApprovals });
    if (!row) throw notFound("Held role");
    const { h } = row;
    refuseOwnAccount(
      actor,
      h.userId,
      "You cannot approve roles for your own account; another administrator must decide.",
    );
    if (h.decidedAt) throw conflict(`This role was already ${h.decision}.`);
    const now = currentTime();
    await tx
      .update(idpGrantApprovals)
      .set({ decidedAt: now, decidedBy: actor.userId, decision })
      .where(and(eq(idpGrantApprovals.id, h.id), isNull(idpGrantApprovals.decidedAt)));
    const grant = { siteCode: row.siteCode, role: h.role, source: "idp" as const, claim: h.claim };
    if (decision === "approved")
      await tx
        .insert(roleGrants)
        .values({
          userId: h.userId,
          siteId: h.siteId,
          role: h.role,
          grantedBy: actor.userId,
          source: "idp",
          idpClaim: h.claim,
        })
        .onConflictDoNothing();
    await appendAudit(tx, actor, {
      action: decision === "approved" ? "role.idp_approve" : "role.idp_decline",
      objectType: "user",
      objectId: h.userId,
      siteId: h.siteId,
      after: grant,
      reason: `Identity provider: ${h.claim} (for ${row.email})`,
    });
    return { decision };
  });
}
