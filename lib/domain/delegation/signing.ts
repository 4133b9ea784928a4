// A delegate's sign-off (issue 15): separation of duties applies to the delegate, as canSign
// already checks for whoever signs, and to the approver whose authority is used.
import type { SignoffRole, SiteRole } from "../constants";
import { ROLE_LABELS, SIGNOFF_ROLE_LABELS } from "../labels";
import { distinctSites, withArticle } from "../changes/wording";
import {
  SIGNOFF_GRANT_ROLE,
  canSign,
  compatibleRoles,
  signedBy,
  type SignRefusalCode,
} from "../changes/signing";
import type { ActorFacts, ChangeFacts, RequiredSignoff, SignoffFacts, SiteGrant } from "../changes/types";
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

/** Whose authority a lent role carries (lib/auth/actor's GrantDelegation, in the fields the rule needs). */
export interface LentAuthority {
  id: string;
  delegatorId: string;
  delegatorName: string;
}

/** A signer's roles, each marked when it is lent by a delegation. */
export interface SignerFacts<D extends LentAuthority = LentAuthority> extends Omit<ActorFacts, "grants"> {
  grants: readonly (SiteGrant & { delegation?: D })[];
}

export type SigningAuthority<D extends LentAuthority> =
  | { ok: true; siteId: string; onBehalfOf: D | null }
  | { ok: false; reason: string; code: SignRefusalCode | "delegation" };

/**
 * Whether `signer` may give `role` on the change now (at `siteId`, or at any site it may be given
 * from), and under whose authority: in their own name when a role of their own allows it, else
 * under a role lent to them, which also puts the delegator and the delegate through
 * onBehalfRefusal. The sign service, the change page's options, the approvals inbox's test of
 * agreement and the "needs your sign-off" recipients all ask this one rule.
 */
export function signingAuthority<D extends LentAuthority>(
  change: ChangeFacts,
  counted: readonly SignoffFacts[],
  signer: SignerFacts<D>,
  role: SignoffRole,
  siteId: string | null,
  required: readonly RequiredSignoff[],
): SigningAuthority<D> {
  const any = canSign(change, counted, signer, role, siteId, required);
  const grantRole = SIGNOFF_GRANT_ROLE[role];
  const lent = signer.grants.filter(
    (g): g is SiteGrant & { delegation: D } => !!g.delegation && g.role === grantRole,
  );
  if (!any.ok) return any;
  if (lent.length === 0) return { ...any, onBehalfOf: null };
  const ownRoles = signer.grants.filter((g) => !g.delegation);
  const own = canSign(change, counted, { ...signer, grants: ownRoles }, role, siteId, required);
  if (own.ok) return { ...own, onBehalfOf: null };
  let why: string | null = null;
  for (const g of lent) {
    if (siteId && g.siteId !== siteId) continue;
    const at = canSign(change, counted, signer, role, g.siteId, required);
    if (!at.ok) continue;
    const refusal = onBehalfRefusal(change, counted, role, {
      delegatorId: g.delegation.delegatorId,
      delegatorName: g.delegation.delegatorName,
      delegateRoles: ownRoles,
    });
    if (!refusal) return { ok: true, siteId: at.siteId, onBehalfOf: g.delegation };
    why ??= refusal;
  }
  return { ok: false, code: "delegation", reason: why ?? own.reason };
}
