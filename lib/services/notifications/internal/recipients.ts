import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { roleGrants, users } from "@/db/schema";
import { canSign, pssrRequired, type ActorFacts } from "@/lib/domain/changes";
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
 * Who may give one of `roles` on this change now: the same separation-of-duties rule the sign
 * dialog applies (canSign), so nobody is asked for a sign-off they would be refused.
 */
export async function eligibleSigners(
  ex: Executor,
  ctx: ChangeContext,
  roles: readonly SignoffRole[] = SIGNOFF_ROLES,
): Promise<string[]> {
  const candidates = await holdersAt(ex, ctx.row.siteIds);
  const wanted = roles.filter((r) =>
    r === "pssr" ? pssrRequired(ctx.facts) : ctx.required.some((q) => q.role === r),
  );
  const out: string[] = [];
  for (const [userId, facts] of candidates) {
    if (wanted.some((role) => canSign(ctx.facts, ctx.counted, facts, role, null, ctx.required).ok))
      out.push(userId);
  }
  return out;
}

/** The requester and the assigned implementer: the people whose change it is. */
export function changeOwners(ctx: ChangeContext): string[] {
  return [...new Set([ctx.row.requesterId, ...(ctx.row.implementerId ? [ctx.row.implementerId] : [])])];
}

export async function changeManagersAt(ex: Executor, siteIds: readonly string[]): Promise<string[]> {
  return [...(await holdersAt(ex, siteIds, ["change_manager"])).keys()];
}
