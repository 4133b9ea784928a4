// Delegation of signing authority (issue 15): an approver lends their authority for one role at
// one site to a named colleague for a period. Pure: the caller passes "now" and the facts.
import { DateTime } from "luxon";
import type { SiteRole } from "../constants";
import { ROLE_LABELS } from "../labels";
import { withArticle } from "../changes/wording";

/** The site roles that carry a sign-off (SIGNOFF_GRANT_ROLE's values), hence the ones one may delegate. */
export const DELEGABLE_ROLES = ["operations", "safety", "security", "change_manager", "quality"] as const;
export type DelegableRole = (typeof DELEGABLE_ROLES)[number];

/**
 * Roles a delegate may not hold at the site: another approving perspective (one person would then
 * speak for two perspectives on the same changes) or the auditor's, which must stay independent of
 * what it audits.
 */
export function conflictingRoles(role: DelegableRole): SiteRole[] {
  return [...DELEGABLE_ROLES.filter((r) => r !== role), "auditor"];
}

/** A delegation lasts at most this many days. */
export const MAX_DELEGATION_DAYS = 366;

export interface DelegationPeriod {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The period of whole days `startDate`..`endDate` (YYYY-MM-DD, inclusive) at the site: from the
 * first day's midnight to the midnight after the last day, in the site's zone (DST-correct).
 */
export function delegationPeriod(startDate: string, endDate: string, zone: string): DelegationPeriod | null {
  const start = DateTime.fromISO(startDate, { zone }).startOf("day");
  const end = DateTime.fromISO(endDate, { zone }).startOf("day").plus({ days: 1 });
  if (!start.isValid || !end.isValid) return null;
  return { startsAt: start.toJSDate(), endsAt: end.toJSDate() };
}

/** The day it is at the site (YYYY-MM-DD): the earliest a delegation may start. */
export function siteToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
}

export interface DelegationFacts {
  delegatorId: string;
  delegateId: string;
  delegateName: string;
  delegateDisabled: boolean;
  role: DelegableRole;
  siteId: string;
  siteName: string;
  zone: string;
  startDate: string;
  endDate: string;
  /** The delegator's own grants (not ones lent to them: authority is not passed on twice). */
  delegatorRoles: readonly { siteId: string; role: SiteRole }[];
  delegateRoles: readonly { siteId: string; role: SiteRole }[];
  /** The delegator's other live delegations (not revoked). */
  existing: readonly {
    siteId: string;
    role: SiteRole;
    startsAt: Date;
    endsAt: Date;
    delegateName: string;
    startDate: string;
    endDate: string;
  }[];
  now: Date;
}

export interface DelegationRefusal {
  path: "delegateEmail" | "role" | "startDate" | "endDate";
  message: string;
}

const roleWords = (role: SiteRole) => withArticle(ROLE_LABELS[role].toLowerCase());

/** Why this delegation may not be made, as a plain sentence on the field it is about; null if it may. */
export function delegationRefusal(f: DelegationFacts): DelegationRefusal | null {
  const at = (roles: DelegationFacts["delegatorRoles"], role: SiteRole) =>
    roles.some((g) => g.siteId === f.siteId && g.role === role);
  if (f.delegateId === f.delegatorId)
    return { path: "delegateEmail", message: "You cannot delegate to yourself; name a colleague." };
  if (!at(f.delegatorRoles, f.role))
    return {
      path: "role",
      message: `You are not ${roleWords(f.role)} at ${f.siteName}, so there is no authority to delegate.`,
    };
  if (f.delegateDisabled)
    return { path: "delegateEmail", message: `${f.delegateName}'s account is disabled.` };
  if (at(f.delegateRoles, f.role))
    return {
      path: "delegateEmail",
      message: `${f.delegateName} is already ${roleWords(f.role)} at ${f.siteName} and signs in their own name.`,
    };
  const conflict = conflictingRoles(f.role).find((r) => at(f.delegateRoles, r));
  if (conflict)
    return {
      path: "delegateEmail",
      message: `${f.delegateName} is ${roleWords(conflict)} at ${f.siteName}: a delegate may hold no other approving or auditing role where they sign, so one person never speaks for two perspectives. Choose someone else.`,
    };
  const period = delegationPeriod(f.startDate, f.endDate, f.zone);
  if (!period) return { path: "startDate", message: "Enter the first and last day as dates." };
  if (f.endDate < f.startDate)
    return { path: "endDate", message: "The last day must be on or after the first day." };
  const today = siteToday(f.now, f.zone);
  if (f.startDate < today)
    return {
      path: "startDate",
      message: `A delegation cannot start in the past; the first day can be today (${today}) or later.`,
    };
  const days = DateTime.fromISO(f.endDate).diff(DateTime.fromISO(f.startDate), "days").days + 1;
  if (days > MAX_DELEGATION_DAYS)
    return { path: "endDate", message: `A delegation lasts at most ${MAX_DELEGATION_DAYS} days.` };
  const overlap = f.existing.find(
    (d) =>
      d.siteId === f.siteId &&
      d.role === f.role &&
      d.endsAt > f.now &&
      d.startsAt < period.endsAt &&
      period.startsAt < d.endsAt,
  );
  if (overlap)
    return {
      path: "startDate",
      message: `You have already delegated this role at ${f.siteName} to ${overlap.delegateName} from ${overlap.startDate} to ${overlap.endDate}; end that delegation first or choose days that do not overlap.`,
    };
  return null;
}

export type DelegationState = "upcoming" | "active" | "ended" | "revoked";

export function delegationState(
  d: { startsAt: Date; endsAt: Date; revokedAt: Date | null },
  now: Date,
): DelegationState {
  if (d.revokedAt) return "revoked";
  if (now >= d.endsAt) return "ended";
  return now < d.startsAt ? "upcoming" : "active";
}

/**
 * Who may end a delegation early: either party, or a change manager of the site in their own
 * right (a role lent by delegation does not count). The page's "End" button and the service ask this.
 */
export function mayEndDelegation(
  actor: {
    userId: string | null | undefined;
    grants: readonly { siteCode: string; role: string; delegation?: unknown }[];
  },
  d: { delegatorId: string; delegateId: string; siteCode: string },
): boolean {
  if (actor.userId && (d.delegatorId === actor.userId || d.delegateId === actor.userId)) return true;
  return actor.grants.some((g) => !g.delegation && g.role === "change_manager" && g.siteCode === d.siteCode);
}
