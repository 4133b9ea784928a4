// What the compliance dashboard, its API and the evidence pack return. Instants are UTC ISO strings.
import type { LeadTime, MismatchKind, RetroStatus } from "@/lib/domain/compliance/figures";
import type { ChangeClass, ChangeState, ChangeType, RiskLevel, SignoffRole } from "@/lib/domain/constants";

export interface ChangeRef {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
  type: ChangeType;
  class: ChangeClass;
  risk: RiskLevel;
  siteCodes: string[];
}

/** One bar or row of a breakdown; `figure` names the list of changes behind it. */
export interface Bucket {
  key: string;
  label: string;
  count: number;
  figure: string;
}

export interface ComplianceReport {
  period: { from: string; to: string };
  site: { code: string; name: string; timeZone: string } | null;
  sites: string[];
  generatedAt: string;
  started: {
    total: number;
    withAllSignoffs: number;
    /** Starts the trail shows without every required sign-off, and why. */
    withoutSignoffs: { changeId: string; number: string; startedAt: string; problems: string[] }[];
    mismatches: {
      changeId: string;
      number: string;
      kind: MismatchKind;
      message: string;
      trailAt: string | null;
      tableAt: string | null;
    }[];
  };
  gateRefusals: { total: number; byReason: Bucket[] };
  emergency: {
    total: number;
    retrospective: Record<RetroStatus, number>;
    items: {
      changeId: string;
      number: string;
      role: SignoffRole;
      siteCode: string | null;
      status: RetroStatus;
      approvedAt: string;
      dueAt: string;
      signedAt: string | null;
    }[];
  };
  awaitingPssr: {
    total: number;
    items: { changeId: string; number: string; implementedAt: string | null }[];
  };
  baselineLate: {
    total: number;
    items: { changeId: string; number: string; implementedAt: string; closedAt: string; days: number }[];
  };
  leadTimes: { submitToApproved: LeadTime; approvedToStarted: LeadTime };
  byType: Bucket[];
  byRisk: Bucket[];
  byOutcome: Bucket[];
  /** The changes behind each figure, by figure name; `changes` describes each id once. */
  figures: Record<string, string[]>;
  changes: Record<string, ChangeRef>;
}
