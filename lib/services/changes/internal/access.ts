import "server-only";
// Who may do what with a change. The change belongs to every site of its assets, so most
// permissions must hold at every one of those sites; signing and starting have their own,
// finer rules in lib/domain/changes (canSign, evaluateGate).
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission, sitesWithPermission } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/services/base/errors";

/**
 * A change is visible only to an actor who can view EVERY one of its sites (site_ids <@
 * visible). Holding a role at one site of a multi-site change does not reveal it: the change
 * lists the other site's assets, plans and approvers. A change always has at least one asset,
 * hence at least one site; an empty list is treated as invisible rather than visible to all.
 */
export function canViewChange(actor: Actor, siteIds: readonly string[]): boolean {
  return siteIds.length > 0 && siteIds.every((id) => hasSitePermission(actor, "change.view", id));
}

/** The site ids to pass into list queries as `site_ids <@ $visible`. */
export function visibleSiteIds(actor: Actor): string[] {
  return sitesWithPermission(actor, "change.view");
}

function codesOf(actor: Actor, siteIds: readonly string[], fallback: string): string {
  const codes = siteIds.map((id) => actor.grants.find((g) => g.siteId === id)?.siteCode ?? fallback);
  return [...new Set(codes)].join(", ");
}

/** Editing, submitting, revising and cancelling: a requester or change manager at every site of the change. */
export function manageRefusal(actor: Actor, siteIds: readonly string[]): string | null {
  if (!actor.userId) return "Only a signed-in user can change a change request.";
  const missing = siteIds.filter((id) => !hasSitePermission(actor, "change.create", id));
  if (missing.length === 0) return null;
  return `Only a requester or change manager at ${codesOf(actor, missing, "every site of the change")} may do this.`;
}

export function requireManage(actor: Actor, siteIds: readonly string[]): void {
  const refusal = manageRefusal(actor, siteIds);
  if (refusal) throw forbidden(refusal);
}

/** Recording the outcome: the assigned implementer, or a requester at a site of the change (gate rule 6). */
export function implementRefusal(
  actor: Actor,
  row: { implementerId: string | null; siteIds: readonly string[] },
): string | null {
  if (actor.userId && actor.userId === row.implementerId) return null;
  if (row.siteIds.some((id) => hasSitePermission(actor, "change.implement", id))) return null;
  return "Only the assigned implementer or a requester at a site of the change may record its outcome.";
}

/** Closing (post-implementation review): whoever may record the outcome, or a change manager of the change's sites. */
export function closeRefusal(
  actor: Actor,
  row: { implementerId: string | null; siteIds: readonly string[] },
): string | null {
  if (implementRefusal(actor, row) === null) return null;
  if (row.siteIds.some((id) => hasSitePermission(actor, "change.close", id))) return null;
  return "Only the implementer, a requester or a change manager at a site of the change may close it.";
}
