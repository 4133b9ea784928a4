// A delegate's sign-off (issue 15): separation of duties applies to the delegate, as canSign
// already checks for whoever signs, and to the approver whose authority is used.
import type { SignoffRole, SiteRole } from "../constants";
import { ROLE_LABELS, SIGNOFF_ROLE_LABELS } from "../labels";
import { distinctSites, withArticle } from "../changes/wording";
import { SIGNOFF_GRANT_ROLE, compatibleRoles, signedBy } from "../changes/signing";
import type { ChangeFacts, SignoffFacts } from "../changes/types";
import { conflictingRoles, type DelegableRole } from "./rules";

export interface OnBehalfFacts {
  delegatorId: string;
  delegatorName: string;
  /** The delegate's own roles (not lent ones). */
  delegateRoles: readonly { siteId: string; role: SiteRole }[];
}

/**
 * Why a delegate may not sign `role` on this change for the delegator, or null. Refused when the
 * delegate holds a conflicting role at a site of the change (granted since the delegation was
 * made, say), or when the delegator could not have signed it themselves: they requested, edited
 * or implement it, or their authority already gave another sign-off on it this round.
 */
export function onBehalfRefusal(
  change: ChangeFacts,
  signoffs: readonly SignoffFacts[],
  role: SignoffRole,
  f: OnBehalfFacts,
): string | null {
  const who = f.delegatorName;
  const siteIds = new Set(distinctSites(change.assets).map((s) => s.siteId));
  const conflict = f.delegateRoles.find(
    (g) =>
      siteIds.has(g.siteId) && conflictingRoles(SIGNOFF_GRANT_ROLE[role] as DelegableRole).includes(g.role),
  );
  if (conflict)
    return `You are ${withArticle(ROLE_LABELS[conflict.role].toLowerCase())} at a site of this change, so you may not also sign it on behalf of ${who}; a delegate holds no other approving or auditing role on the changes they sign`;
  if (f.delegatorId === change.requesterId || change.scopeEditorIds.includes(f.delegatorId))
    return `${who} requested this change, so nobody signs it on their behalf; a requester never signs their own change`;
  if (change.implementerId === f.delegatorId)
    return `${who} is the assigned implementer of this change, so nobody signs it on their behalf; the person who implements a change gives none of its sign-offs`;
  const given = signoffs.find(
    (s) =>
      s.round === change.approvalRound &&
      !s.superseded &&
      signedBy(s, f.delegatorId) &&
      !compatibleRoles(s.role, role),
  );
  if (given)
    return `${who} has already signed this change (${SIGNOFF_ROLE_LABELS[given.role]}); one person's authority gives at most one sign-off per change`;
  return null;
}

/** The meaning of a delegate's signature names whose authority it was given under. */
export function onBehalfMeaning(meaning: string, delegatorName: string | null): string {
  return delegatorName ? `${meaning} on behalf of ${delegatorName}` : meaning;
}
