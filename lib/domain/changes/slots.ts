// The sign-offs a change waits for, in a form a query can match against a viewer: for each
// sign-off someone could give now, where a holder of which grant may give it and who may not.
// Derived by asking canSign itself, so the one rule (separation of duties, required sign-offs,
// states) stays in signing.ts; the approvals inbox stores this and matches it in SQL.
import { SIGNOFF_ROLES, type SignoffRole } from "../constants";
import { distinctSites } from "./wording";
import { SIGNOFF_GRANT_ROLE, canSign } from "./signing";
import type { ActorFacts, ChangeFacts, RequiredSignoff, SignoffFacts } from "./types";

export interface SignoffSlot {
  role: SignoffRole;
  /** The site an operations sign-off is for; null for the once-per-change roles. */
  siteId: string | null;
  /** `grantKey(grant, site)` for every site where a holder of the grant may give it, in site-code order. */
  grantKeys: string[];
  /** Users canSign refuses for this slot although they hold the grant (requester, editor, implementer, conflicting signer). */
  blockedIds: string[];
  /** An emergency change's sign-off given after its start (rule 7). */
  retrospective: boolean;
}

export const grantKey = (grant: string, siteId: string): string => `${grant}:${siteId}`;

/** The keys of a viewer's grants, to match against `SignoffSlot.grantKeys`. */
export function viewerGrantKeys(actor: Pick<ActorFacts, "grants">): string[] {
  return actor.grants.map((g) => grantKey(g.role, g.siteId));
}

const holder = (userId: string, grant: ActorFacts["grants"][number]["role"], siteId: string): ActorFacts => ({
  userId,
  isAdmin: false,
  grants: [{ role: grant, siteId }],
  implementSiteIds: [],
});

/**
 * Every sign-off of `change` that canSign would let someone give now (`counted` and `required` as
 * the change page computes them): a viewer may give a slot exactly when they hold one of its grant
 * keys and are not among its blocked users, which is what signOptions offers them.
 */
export function openSignoffSlots(
  change: ChangeFacts,
  counted: readonly SignoffFacts[],
  required: readonly RequiredSignoff[],
): SignoffSlot[] {
  const sites = distinctSites(change.assets);
  const people = [
    ...new Set([
      change.requesterId,
      ...change.scopeEditorIds,
      ...(change.implementerId ? [change.implementerId] : []),
      // An approver whose authority a delegate used has signed too (signedBy).
      ...counted.flatMap((s) => [s.signerId, ...(s.onBehalfOfId ? [s.onBehalfOfId] : [])]),
    ]),
  ];
  const out: SignoffSlot[] = [];
  for (const role of SIGNOFF_ROLES) {
    const grant = SIGNOFF_GRANT_ROLE[role];
    // Operations signs once per site (signOptions offers one per required site); the others once.
    const targets =
      role === "operations"
        ? sites.filter((s) => required.some((r) => r.role === "operations" && r.siteId === s.siteId))
        : [null];
    for (const target of targets) {
      const siteId = target?.siteId ?? null;
      const candidates = target ? [target] : sites;
      const open = candidates.filter(
        (s) => canSign(change, counted, holder("", grant, s.siteId), role, siteId, required).ok,
      );
      if (open.length === 0) continue;
      const blockedIds = people.filter((u) =>
        open.every((s) => !canSign(change, counted, holder(u, grant, s.siteId), role, siteId, required).ok),
      );
      const retrospective =
        change.state !== "submitted" &&
        role !== "pssr" &&
        required.some(
          (q) => q.role === role && q.retrospectiveAllowed && (q.siteId === null || q.siteId === siteId),
        );
      out.push({
        role,
        siteId,
        grantKeys: open.map((s) => grantKey(grant, s.siteId)),
        blockedIds,
        retrospective,
      });
    }
  }
  return out;
}
