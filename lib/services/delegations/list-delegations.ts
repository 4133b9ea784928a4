import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db/client";
import { signingDelegations, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { delegationListSchema } from "@/lib/schemas/delegations";
import { requireScope } from "@/lib/services/authorize";
import { parseInput } from "@/lib/services/base/parse-input";
import { delegationView, type DelegationView } from "./view";

const delegator = alias(users, "delegator");
const delegate = alias(users, "delegate");
const revoker = alias(users, "revoker");

/** Every delegation row with its people and site, for the list and for one delegation. */
export function selectDelegations(ex: Awaited<ReturnType<typeof getDb>> | Tx, where: SQL | undefined) {
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

/**
 * Delegations the caller may see, "current" (in force or upcoming, not revoked) by default,
 * "past" (ended or revoked) or "all"; soonest ending first for current, newest first otherwise.
 */
export async function listDelegations(actor: Actor, input: unknown = {}): Promise<DelegationView[]> {
  requireScope(actor, "read");
  if (!actor.userId) return [];
  const { state } = parseInput(delegationListSchema, input ?? {}, "The filter");
  const db = await getDb();
  const now = currentTime();
  const byState =
    state === "current"
      ? and(gt(signingDelegations.endsAt, now), isNull(signingDelegations.revokedAt))
      : state === "past"
        ? or(lte(signingDelegations.endsAt, now), isNotNull(signingDelegations.revokedAt))
        : undefined;
  const rows = await selectDelegations(db, and(visibleDelegations(actor), byState)).orderBy(
    state === "current" ? signingDelegations.endsAt : desc(signingDelegations.createdAt),
  );
  return rows.map((r) => delegationView(r, now));
}
