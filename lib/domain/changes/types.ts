// Plain facts the change rules work on. Callers map DB rows into these so the rules
// stay pure and testable without a database.
import type {
  ChangeClass,
  ChangeState,
  ChangeType,
  Criticality,
  Exposure,
  GateReasonCode,
  ProductionImpact,
  RiskLevel,
  SafetyImpact,
  SignoffDecision,
  SignoffRole,
  SiteRole,
} from "../constants";

export interface AssetFacts {
  id: string;
  siteId: string;
  siteCode: string;
  siteName: string;
  tag: string;
  /** Optional: only used to make reasons readable ("SIS-101 (Triconex)"). */
  name?: string | null;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  /** How the asset can be reached from outside its zone; a risk factor. */
  exposure: Exposure;
  redundancyGroup: string | null;
}

export interface ChangeFacts {
  id: string;
  /** Optional: only used in messages. */
  number?: string;
  state: ChangeState;
  type: ChangeType;
  class: ChangeClass;
  requesterId: string;
  /** Who edited the scope after submission: requesters of the change for separation of duties. */
  scopeEditorIds: readonly string[];
  implementerId: string | null;
  safetyImpact: SafetyImpact;
  safetyBypassRequired: boolean;
  productionImpact: ProductionImpact;
  expectedDowntimeMinutes: number;
  testedOnTestBench: boolean;
  vendorQualified: boolean;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  /** Starts at 1; a revise after rejection increments it so old sign-offs stop counting. */
  approvalRound: number;
  /** When the change entered 'approved'; the emergency retrospective clock runs from here. */
  approvedAt: Date | null;
  assets: readonly AssetFacts[];
}

export interface SignoffFacts {
  id: string;
  role: SignoffRole;
  siteId: string | null;
  decision: SignoffDecision;
  signerId: string;
  /** Optional: only used in messages. */
  signerName?: string | null;
  /** A delegate's sign-off: the approver whose authority it used, who counts as having signed too. */
  onBehalfOfId?: string | null;
  signedAt: Date;
  round: number;
  superseded: boolean;
  /** Optional: when the edit that superseded it happened, for the gate's message. */
  supersededAt?: Date | null;
  retrospective: boolean;
  /** What the signature covers (content.ts): checked by the gate against the content now. */
  contentHash: string;
  scopeHash: string | null;
  hashVersion: number;
  /** Warnings the signer acknowledged (supply-chain.ts SIGNING_ACKNOWLEDGEMENTS). */
  acknowledged?: readonly string[];
}

export interface SiteGrant {
  siteId: string;
  role: SiteRole;
}

export interface ActorFacts {
  userId: string;
  /** Carried so rules can say explicitly that it grants nothing. */
  isAdmin: boolean;
  grants: readonly SiteGrant[];
  /** Sites where the permission table lets the actor start and implement changes (change.implement). */
  implementSiteIds: readonly string[];
}

export interface RiskFactor {
  factor: string;
  /** Machine-readable option key from RISK_MATRIX, e.g. "safety_critical". */
  value: string;
  points: number;
  /** Plain-language detail, e.g. "Safety-critical (SIS-101)". */
  detail: string;
}

export interface RiskResult {
  level: RiskLevel;
  score: number;
  factors: RiskFactor[];
}

export interface RequiredSignoff {
  role: SignoffRole;
  /** Null means a signer holding the role at any (eligible) site of the change will do. */
  siteId: string | null;
  siteCode: string | null;
  reason: string;
  /** Emergency only: may be collected after the start, within EMERGENCY_RETRO_HOURS. */
  retrospectiveAllowed: boolean;
}

export interface GateReason {
  code: GateReasonCode;
  message: string;
  /** Structured details (UTC ISO instants, ids) so callers can re-render in local time. */
  data?: Record<string, string | number | null>;
}
