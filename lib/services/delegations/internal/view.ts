import { delegationState, type DelegableRole, type DelegationState } from "@/lib/domain/delegation/rules";

export interface DelegationRow {
  id: string;
  delegatorId: string;
  delegatorName: string;
  delegateId: string;
  delegateName: string;
  delegateEmail: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  role: string;
  startDate: string;
  endDate: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
}

export interface DelegationView extends Omit<DelegationRow, "role"> {
  role: DelegableRole;
  state: DelegationState;
}

/** The fields published (the API and pages), whatever else the query selected. */
export function delegationView(row: DelegationRow, now: Date): DelegationView {
  return {
    id: row.id,
    delegatorId: row.delegatorId,
    delegatorName: row.delegatorName,
    delegateId: row.delegateId,
    delegateName: row.delegateName,
    delegateEmail: row.delegateEmail,
    siteCode: row.siteCode,
    siteName: row.siteName,
    timeZone: row.timeZone,
    role: row.role as DelegableRole,
    startDate: row.startDate,
    endDate: row.endDate,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    reason: row.reason,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    revokedByName: row.revokedByName,
    state: delegationState(row, now),
  };
}
