import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { roleGrants, signingDelegations, sites, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { DELEGABLE_ROLES, delegationPeriod, delegationRefusal } from "@/lib/domain/delegation/rules";
import { createDelegationSchema, type CreateDelegationInput } from "@/lib/schemas/delegations";
import { requireScope } from "@/lib/services/authorize";
import { forbidden, invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { DelegationView } from "@/lib/types/delegations";
import { notifyDelegationParties } from "./internal/notify-parties";
import { delegationAudit, delegationView } from "./internal/view";

const delegate = alias(users, "delegate");

/**
 * An approver lends their signing authority for one role at one site to a named colleague for
 * whole days at the site (lib/domain/delegation/rules: not to oneself, not to someone holding a
 * conflicting role there, not overlapping another of theirs for the role and site, not in the
 * past). Checked under a lock on the delegator's account, so two requests cannot both pass the
 * overlap rule; audited and the delegate notified in the same transaction.
 */
export async function createDelegation(actor: Actor, input: CreateDelegationInput): Promise<DelegationView> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a person can delegate their own signing authority.");
  requireScope(actor, "write");
  const data = parseInput(createDelegationSchema, input, "The delegation");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [me] = await tx.select().from(users).where(eq(users.id, actor.userId!)).for("update");
    const [site] = await tx.select().from(sites).where(eq(sites.code, data.siteCode));
    // A site the delegator holds no role at is not disclosed.
    if (!me || !site || !actor.grants.some((g) => g.siteId === site.id))
      throw notFound(`Site ${data.siteCode}`);
    // Only an approver has signing authority to lend: a requester or auditor is refused the act itself.
    if (
      !actor.grants.some(
        (g) =>
          g.siteId === site.id && !g.delegation && (DELEGABLE_ROLES as readonly string[]).includes(g.role),
      )
    )
      throw forbidden(
        `Only an approver at ${site.name} can delegate signing authority there; you hold no signing role at this site.`,
      );
    const [other] = await tx.select().from(users).where(eq(users.email, data.delegateEmail));
    if (!other)
      throw invalid(`No Interlock account has the email ${data.delegateEmail}.`, [
        { path: "delegateEmail", message: "No account has this email. Ask an administrator." },
      ]);
    const rolesOf = (userId: string) =>
      tx
        .select({ siteId: roleGrants.siteId, role: roleGrants.role })
        .from(roleGrants)
        .where(eq(roleGrants.userId, userId));
    const existing = await tx
      .select({
        siteId: signingDelegations.siteId,
        role: signingDelegations.role,
        startsAt: signingDelegations.startsAt,
        endsAt: signingDelegations.endsAt,
        startDate: signingDelegations.startDate,
        endDate: signingDelegations.endDate,
        delegateName: delegate.name,
      })
      .from(signingDelegations)
      .innerJoin(delegate, eq(delegate.id, signingDelegations.delegateId))
      .where(and(eq(signingDelegations.delegatorId, me.id), isNull(signingDelegations.revokedAt)));
    const now = currentTime();
    const refusal = delegationRefusal({
      delegatorId: me.id,
      delegateId: other.id,
      delegateName: other.name,
      delegateDisabled: other.disabledAt !== null,
      role: data.role,
      siteId: site.id,
      siteName: site.name,
      zone: site.timeZone,
      startDate: data.startDate,
      endDate: data.endDate,
      delegatorRoles: await rolesOf(me.id),
      delegateRoles: await rolesOf(other.id),
      existing,
      now,
    });
    if (refusal) throw invalid(`${refusal.message} Nothing was saved.`, [refusal]);
    const period = delegationPeriod(data.startDate, data.endDate, site.timeZone)!;
    const [row] = await tx
      .insert(signingDelegations)
      .values({
        delegatorId: me.id,
        delegateId: other.id,
        siteId: site.id,
        role: data.role,
        startDate: data.startDate,
        endDate: data.endDate,
        startsAt: period.startsAt,
        endsAt: period.endsAt,
        reason: data.reason,
        createdAt: now,
        createdBy: me.id,
      })
      .returning();
    const made = {
      ...row!,
      delegatorName: me.name,
      delegateName: other.name,
      delegateEmail: other.email,
      siteCode: site.code,
      siteName: site.name,
      timeZone: site.timeZone,
      revokedByName: null,
    };
    await appendAudit(tx, actor, {
      action: "delegation.create",
      objectType: "delegation",
      objectId: made.id,
      siteId: site.id,
      after: delegationAudit(made),
      reason: data.reason || null,
    });
    await notifyDelegationParties(tx, { ...made, role: data.role }, { kind: "created" }, now);
    return delegationView(made, now);
  });
}
