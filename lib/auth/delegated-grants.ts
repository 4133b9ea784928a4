import "server-only";
import { and, eq, gt, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { roleGrants, signingDelegations, sites, users } from "@/db/schema";

const delegator = alias(users, "delegator");

/**
 * Delegations in force at `now` matching `where`: not revoked, within their days, and still
 * backed by the delegator's own role at the site (an approver who lost the role lends nothing) and
 * an enabled account.
 */
export function delegationsInForce(db: Db | Tx, now: Date, where: SQL) {
  return db
    .select({
      id: signingDelegations.id,
      delegateId: signingDelegations.delegateId,
      siteId: signingDelegations.siteId,
      siteCode: sites.code,
      role: signingDelegations.role,
      delegatorId: signingDelegations.delegatorId,
      delegatorName: delegator.name,
      endsAt: signingDelegations.endsAt,
    })
    .from(signingDelegations)
    .innerJoin(sites, eq(sites.id, signingDelegations.siteId))
    .innerJoin(delegator, eq(delegator.id, signingDelegations.delegatorId))
    .innerJoin(
      roleGrants,
      and(
        eq(roleGrants.userId, signingDelegations.delegatorId),
        eq(roleGrants.siteId, signingDelegations.siteId),
        eq(roleGrants.role, signingDelegations.role),
      ),
    )
    .where(
      and(
        where,
        isNull(signingDelegations.revokedAt),
        lte(signingDelegations.startsAt, now),
        gt(signingDelegations.endsAt, now),
        isNull(delegator.disabledAt),
      ),
    )
    .orderBy(sites.code, signingDelegations.role);
}

/** The delegations lent to `userId` in force at `now` (delegationsInForce). */
export async function activeDelegationsTo(db: Db | Tx, userId: string, now: Date) {
  return delegationsInForce(db, now, eq(signingDelegations.delegateId, userId));
}
