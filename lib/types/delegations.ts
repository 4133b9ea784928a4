import type { DelegableRole, DelegationState } from "@/lib/domain/delegation/rules";

/** A signing delegation as the API and pages show it. */
export interface DelegationView {
  id: string;
  delegatorId: string;
  delegatorName: string;
  delegateId: string;
  delegateName: string;
  delegateEmail: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  role: DelegableRole;
  startDate: string;
  endDate: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
  state: DelegationState;
}
