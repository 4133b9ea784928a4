import { isoUtc } from "@/lib/domain/changes";
import { delegationState, type DelegableRole } from "@/lib/domain/delegation/rules";
import type { DelegationView } from "@/lib/types/delegations";

/** A delegation with its people and site, as the services read it (internal/select). */
export interface DelegationRow extends Omit<DelegationView, "role" | "state"> {
  role: string;
}

/** The delegation as its audit events record it (delegation.create after, delegation.revoke before). */
export function delegationAudit(row: DelegationRow) {
  return {
    delegatorId: row.delegatorId,
    delegatorName: row.delegatorName,
    delegateId: row.delegateId,
    delegateName: row.delegateName,
    delegateEmail: row.delegateEmail,
    siteCode: row.siteCode,
    role: row.role as DelegableRole,
    startDate: row.startDate,
    endDate: row.endDate,
    startsAt: isoUtc(row.startsAt),
    endsAt: isoUtc(row.endsAt),
  };
}

/** The fields published (the API and pages), whatever else the query selected. */
export function delegationView(row: DelegationRow, now: Date): DelegationView {
  return {
    id: row.id,
    ...delegationAudit(row),
    siteName: row.siteName,
    timeZone: row.timeZone,
    // Instants as dates here; the trail stores them as ISO strings.
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    reason: row.reason,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    revokedByName: row.revokedByName,
    state: delegationState(row, now),
  };
}
