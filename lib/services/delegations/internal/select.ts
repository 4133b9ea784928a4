import "server-only";
import { eq, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { signingDelegations, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";

const delegator = alias(users, "delegator");
const delegate = alias(users, "delegate");
const revoker = alias(users, "revoker");

/** Every delegation row with its people and site, for the list and for one delegation. */
export function selectDelegations(ex: Executor, where: SQL | undefined) {
  return ex
    .select({
      id: signingDelegations.id,
      delegatorId: signingDelegations.delegatorId,
      delegatorName: delegator.name,
      delegateId: signingDelegations.delegateId,
      delegateName: delegate.name,
      delegateEmail: delegate.email,
      siteId: signingDelegations.siteId,
      siteCode: sites.code,
      siteName: sites.name,
      timeZone: sites.timeZone,
      role: signingDelegations.role,
      startDate: signingDelegations.startDate,
      endDate: signingDelegations.endDate,
      startsAt: signingDelegations.startsAt,
      endsAt: signingDelegations.endsAt,
      reason: signingDelegations.reason,
      createdAt: signingDelegations.createdAt,
      revokedAt: signingDelegations.revokedAt,
      revokedByName: revoker.name,
    })
    .from(signingDelegations)
    .innerJoin(sites, eq(sites.id, signingDelegations.siteId))
    .innerJoin(delegator, eq(delegator.id, signingDelegations.delegatorId))
    .innerJoin(delegate, eq(delegate.id, signingDelegations.delegateId))
    .leftJoin(revoker, eq(revoker.id, signingDelegations.revokedBy))
    .where(where);
}

/** The delegations `actor` may see: their own (given or received), and every one at a site where they are change manager or auditor. */
export function visibleDelegations(actor: Actor): SQL | undefined {
  const watched = sitesWithPermission(actor, "delegation.view");
  const mine = [
    eq(signingDelegations.delegatorId, actor.userId!),
    eq(signingDelegations.delegateId, actor.userId!),
  ];
  return or(...mine, ...(watched.length ? [inArray(signingDelegations.siteId, watched)] : []));
}
