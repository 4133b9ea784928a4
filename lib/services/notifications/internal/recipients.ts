import "server-only";
import { and, eq, inArray, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { roleGrants, signingDelegations, users } from "@/db/schema";
import { delegationsInForce } from "@/lib/auth/delegated-grants";
import { currentTime } from "@/lib/clock";
import { pssrRequired, type ActorFacts } from "@/lib/domain/changes";
import { signingAuthority, type SignerFacts } from "@/lib/domain/delegation/signing";
import { SIGNOFF_ROLES, type SignoffRole, type SiteRole } from "@/lib/domain/constants";
import type { ChangeContext } from "@/lib/services/changes/internal/load";

/** Enabled users holding any of `roles` at any of `siteIds`, with all their grants at those sites. */
export async function holdersAt(
  ex: Executor,
  siteIds: readonly string[],
  roles?: readonly SiteRole[],
): Promise<Map<string, ActorFacts>> {
  if (siteIds.length === 0) return new Map();
  const rows = await ex
    .select({
      userId: roleGrants.userId,
      siteId: roleGrants.siteId,
      role: roleGrants.role,
      isAdmin: users.isAdmin,
    })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.id, roleGrants.userId), isNull(users.disabledAt)))
    .where(inArray(roleGrants.siteId, [...siteIds]));
  const byUser = new Map<string, ActorFacts & { grants: { siteId: string; role: SiteRole }[] }>();
  for (const r of rows) {
    const u = byUser.get(r.userId) ?? {
      userId: r.userId,
      isAdmin: r.isAdmin,
      grants: [],
      implementSiteIds: [],
    };
    u.grants.push({ siteId: r.siteId, role: r.role });
    byUser.set(r.userId, u);
  }
  if (roles)
    for (const [id, u] of byUser) if (!u.grants.some((g) => roles.includes(g.role))) byUser.delete(id);
  return byUser;
}

/**
 * Who may give one of `roles` on this change now, each with the approver whose authority they
 * would use (null: in their own name): the rule the sign dialog applies (signingAuthority, which
 * is canSign plus a delegation's separation of duties), so nobody is asked for a sign-off they
 * would be refused. A delegate in force at `now` is asked as the approver is.
 */
export async function signersOf(
  ex: Executor,
  ctx: ChangeContext,
  roles: readonly SignoffRole[] = SIGNOFF_ROLES,
  now: Date = currentTime(),
): Promise<Map<string, string | null>> {
  const candidates: Map<string, SignerFacts> = await holdersAt(ex, ctx.row.siteIds);
  const siteIds = [...ctx.row.siteIds];
  const lent = siteIds.length
    ? await delegationsInForce(
        ex,
        now,
        and(
          inArray(signingDelegations.siteId, siteIds),
          notExists(
            ex
              .select({ x: sql`1` })
              .from(users)
              .where(and(eq(users.id, signingDelegations.delegateId), isNotNull(users.disabledAt))),
          ),
        )!,
      )
    : [];
  for (const d of lent) {
    const facts = candidates.get(d.delegateId) ?? {
      userId: d.delegateId,
      isAdmin: false,
      grants: [],
      implementSiteIds: [],
    };
    // A role of one's own is not lent again (as lib/auth/resolve builds the actor).
    if (facts.grants.some((g) => !g.delegation && g.siteId === d.siteId && g.role === d.role)) continue;
    candidates.set(d.delegateId, {
      ...facts,
      grants: [...facts.grants, { siteId: d.siteId, role: d.role, delegation: d }],
    });
  }
  const wanted = roles.filter((r) =>
    r === "pssr" ? pssrRequired(ctx.facts) : ctx.required.some((q) => q.role === r),
  );
  const out = new Map<string, string | null>();
  for (const [userId, facts] of candidates) {
    const verdicts = wanted
      .map((role) => signingAuthority(ctx.facts, ctx.counted, facts, role, null, ctx.required))
      .filter((v) => v.ok);
    if (verdicts.length === 0) continue;
    const own = verdicts.some((v) => !v.onBehalfOf);
    out.set(userId, own ? null : verdicts[0]!.onBehalfOf!.delegatorName);
  }
  return out;
}

/** The people signersOf names, in their own name or on an approver's behalf. */
export async function eligibleSigners(
  ex: Executor,
  ctx: ChangeContext,
  roles: readonly SignoffRole[] = SIGNOFF_ROLES,
  now: Date = currentTime(),
): Promise<string[]> {
  return [...(await signersOf(ex, ctx, roles, now)).keys()];
}

/** The requester and the assigned implementer: the people whose change it is. */
export function changeOwners(ctx: ChangeContext): string[] {
  return [...new Set([ctx.row.requesterId, ...(ctx.row.implementerId ? [ctx.row.implementerId] : [])])];
}

export async function changeManagersAt(ex: Executor, siteIds: readonly string[]): Promise<string[]> {
  return [...(await holdersAt(ex, siteIds, ["change_manager"])).keys()];
}
