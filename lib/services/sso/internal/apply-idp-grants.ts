import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { idpGrantApprovals, idpRoleMappings, roleGrants, sites, type users } from "@/db/schema";
import { appendAudit, type AuditActorInfo } from "@/lib/audit/append";
import { mappedGrants, planIdpGrants } from "@/lib/domain/sso/role-mapping";

export interface GrantChanges {
  granted: number;
  revoked: number;
  /** Roles held back for a second administrator's approval (an administrator's own account). */
  pending: number;
}

/**
 * On each SSO sign-in the user's IdP-derived grants become exactly what the mapping gives for
 * the claims in the ID token; manual grants stay. Each change is audited with the claim that
 * caused it. Roles for an administrator's own account wait for another administrator's
 * approval (separation of duties), so an administrator cannot put themselves in an IdP group and
 * become a signer at sign-in. Runs in the sign-in transaction, with the user's row locked.
 */
export async function applyIdpGrants(
  tx: Tx,
  user: typeof users.$inferSelect,
  claims: Record<string, unknown>,
  who: AuditActorInfo,
): Promise<GrantChanges> {
  const mappings = await tx.select().from(idpRoleMappings).orderBy(idpRoleMappings.createdAt);
  const held = await tx
    .select({
      siteId: roleGrants.siteId,
      role: roleGrants.role,
      source: roleGrants.source,
      idpClaim: roleGrants.idpClaim,
    })
    .from(roleGrants)
    .where(eq(roleGrants.userId, user.id));
  const desired = mappedGrants(mappings, claims);
  const plan = planIdpGrants(held, desired);
  const siteIds = [...new Set([...plan.add, ...plan.remove].map((g) => g.siteId))];
  const codes = new Map(
    siteIds.length
      ? (await tx.select().from(sites).where(inArray(sites.id, siteIds))).map((s) => [s.id, s.code])
      : [],
  );
  const out: GrantChanges = { granted: 0, revoked: 0, pending: 0 };

  for (const g of plan.remove) {
    await tx
      .delete(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, user.id),
          eq(roleGrants.siteId, g.siteId),
          eq(roleGrants.role, g.role),
          eq(roleGrants.source, "idp"),
        ),
      );
    await appendAudit(tx, who, {
      action: "role.revoke",
      objectType: "user",
      objectId: user.id,
      siteId: g.siteId,
      before: {
        siteCode: codes.get(g.siteId) ?? g.siteId,
        role: g.role,
        source: "idp" as const,
        claim: g.idpClaim,
      },
      reason: `Identity provider: ${g.idpClaim ?? "the claim"} is no longer in the user's sign-in`,
    });
    out.revoked++;
  }

  for (const g of plan.recause)
    await tx
      .update(roleGrants)
      .set({ idpClaim: g.cause })
      .where(
        and(eq(roleGrants.userId, user.id), eq(roleGrants.siteId, g.siteId), eq(roleGrants.role, g.role)),
      );

  // An administrator's held-back roles that the claims no longer give are withdrawn.
  const open = await tx
    .select()
    .from(idpGrantApprovals)
    .where(and(eq(idpGrantApprovals.userId, user.id), isNull(idpGrantApprovals.decidedAt)));
  const stillWanted = (p: { siteId: string; role: string }) =>
    plan.add.some((g) => g.siteId === p.siteId && g.role === p.role);
  for (const p of open.filter((p) => !stillWanted(p)))
    await tx
      .update(idpGrantApprovals)
      .set({ decidedAt: currentTime(), decision: "withdrawn" })
      .where(eq(idpGrantApprovals.id, p.id));

  for (const g of plan.add) {
    const after = {
      siteCode: codes.get(g.siteId) ?? g.siteId,
      role: g.role,
      source: "idp" as const,
      claim: g.cause,
    };
    if (user.isAdmin) {
      if (open.some((p) => p.siteId === g.siteId && p.role === g.role)) continue;
      // Declined once for this claim: not asked again at every sign-in.
      const [declined] = await tx
        .select({ id: idpGrantApprovals.id })
        .from(idpGrantApprovals)
        .where(
          and(
            eq(idpGrantApprovals.userId, user.id),
            eq(idpGrantApprovals.siteId, g.siteId),
            eq(idpGrantApprovals.role, g.role),
            eq(idpGrantApprovals.claim, g.cause),
            eq(idpGrantApprovals.decision, "declined"),
          ),
        )
        .limit(1);
      if (declined) continue;
      await tx
        .insert(idpGrantApprovals)
        .values({ userId: user.id, siteId: g.siteId, role: g.role, claim: g.cause });
      await appendAudit(tx, who, {
        action: "role.idp_held",
        objectType: "user",
        objectId: user.id,
        siteId: g.siteId,
        after,
        reason: `Identity provider: ${g.cause}; an administrator's own roles need another administrator's approval`,
      });
      out.pending++;
      continue;
    }
    await tx
      .insert(roleGrants)
      .values({ userId: user.id, siteId: g.siteId, role: g.role, source: "idp", idpClaim: g.cause });
    await appendAudit(tx, who, {
      action: "role.grant",
      objectType: "user",
      objectId: user.id,
      siteId: g.siteId,
      after,
      reason: `Identity provider: ${g.cause}`,
    });
    out.granted++;
  }
  return out;
}
