import type { ExtensionState } from "@/lib/domain/constants";
// What the change services return. Instants are ISO 8601 UTC strings (API.md), so the same
// objects go straight into JSON responses and into client components.
import type { ChangeModelRef } from "./catalog";
import type {
  AssetKind,
  ChangeClass,
  ChangeState,
  ChangeType,
  Criticality,
  Exposure,
  GateReasonCode,
  Outcome,
  ProductionImpact,
  RiskLevel,
  SafetyImpact,
  SignoffDecision,
  SignoffRole,
} from "@/lib/domain/constants";
import type { RiskFactor } from "@/lib/domain/changes";

/** Where a request came from; recorded with sign-offs (lockout per address) and gate decisions. */
export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

export interface ChangeSiteView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

export interface ChangeAssetView {
  id: string;
  tag: string;
  name: string;
  kind: AssetKind;
  siteCode: string;
  areaCode: string | null;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  redundancyGroup: string | null;
  /** The asset's current firmware / software version (the baseline). */
  version: string;
}

export interface RequiredSignoffView {
  role: SignoffRole;
  siteCode: string | null;
  satisfied: boolean;
  /** Why the policy asks for it (a numbered rule in words). */
  reason: string;
  /** Emergency only: may be signed after the start, until dueAt. */
  retrospective: boolean;
  dueAt: string | null;
  overdue: boolean;
  /** The approving sign-off that satisfies it, when there is one. */
  signoffId: string | null;
}

export interface SignoffView {
  id: string;
  round: number;
  /** True for sign-offs of the change's current approval round. */
  currentRound: boolean;
  role: SignoffRole;
  siteCode: string | null;
  decision: SignoffDecision;
  signerEmail: string;
  signerName: string;
  /** When a delegate signed: the approver whose authority they used (lib/domain/delegation). */
  onBehalfOfName: string | null;
  meaning: string;
  signedAt: string;
  comment: string;
  contentHash: string;
  retrospective: boolean;
  /** Warnings the signer acknowledged to sign, e.g. "vendor_not_qualified". */
  acknowledged: string[];
  /** How the signer proved who they were: their password, or a fresh login at the identity provider. */
  method: "password" | "oidc-reauth";
  superseded: boolean;
  supersededAt: string | null;
  supersededReason: string | null;
}

export const CHANGE_UI_ACTIONS = [
  "edit",
  "submit",
  "cancel",
  "revise",
  "sign",
  "start",
  "complete",
  "close",
] as const;
export type ChangeUiAction = (typeof CHANGE_UI_ACTIONS)[number];

export interface ActionAvailability {
  action: ChangeUiAction;
  available: boolean;
  /** Plain-language reason when unavailable (null when available). */
  reason: string | null;
  /** For "start": the gate's reasons now (empty when it would open). */
  reasons?: {
    code: GateReasonCode | string;
    message: string;
    data?: Record<string, string | number | null>;
  }[];
}

export interface SignOption {
  role: SignoffRole;
  /** The site the sign-off would be recorded for (operations signs per site). */
  siteCode: string | null;
  available: boolean;
  reason: string | null;
  /** Set when the sign-off would be given under a delegation: the approver whose authority it uses. */
  onBehalfOfName: string | null;
  /** What an approval in this role must acknowledge (the sign dialog asks for each). */
  acknowledge: { code: string; message: string }[];
}

/** CIP-010 R1.6: the integrity check of what a patch or firmware change installed. */
export interface IntegrityCheckView {
  method: "sha256" | "signature";
  fileName: string;
  computedSha256: string | null;
  publishedSha256: string | null;
  signatureValid: boolean | null;
  signatureDetail: string | null;
  /** Equal hashes, or a verified vendor signature. */
  passed: boolean;
  /** One line: the file and how the check came out. */
  summary: string;
  recordedByName: string;
  recordedByEmail: string;
  recordedAt: string;
}

/** Another change named from this one: a follow-up and the change it follows. */
export interface ChangeLinkView {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
}

/** Issue 15: a temporary change and its revert, linked both ways. */
export interface TemporaryLinksView {
  /** The revert drafted on completion (latest), on a temporary change. */
  revert: { id: string; number: string; state: ChangeState } | null;
  /** On a revert: the temporary change it undoes, and its expiry (the revert's due time). */
  reverts: { id: string; number: string; state: ChangeState; dueBy: string | null } | null;
  /** Completed and its revert not closed yet: the assets are in the temporary state. */
  inPlace: boolean;
  /** The expiry in force: the latest approved extension's, else the one approved with the change. */
  expiresAt: string | null;
  /** The latest extension of the expiry asked for after implementation, in any state. */
  extension: TemporaryExtensionView | null;
  /** Why the caller may not ask for a later expiry now; null when they may. */
  extendRefusal: string | null;
}

/** A request for a later expiry of a temporary change in place, and its sign-offs (issue 15). */
export interface TemporaryExtensionView {
  id: string;
  state: ExtensionState;
  fromUntil: string;
  toUntil: string;
  reason: string;
  requestedByName: string;
  requestedAt: string;
  decidedAt: string | null;
  /** What each sign-off of the extension is bound to; send it back to sign. */
  contentHash: string;
  required: {
    role: SignoffRole;
    siteCode: string | null;
    signerName: string | null;
    decision: SignoffDecision | null;
    meaning: string | null;
    signedAt: string | null;
  }[];
  /** What the caller may sign on it now, and why not otherwise. */
  signOptions: { role: SignoffRole; siteCode: string | null; available: boolean; reason: string | null }[];
}

export interface ChangeView {
  id: string;
  number: string;
  version: number;
  state: ChangeState;
  type: ChangeType;
  class: ChangeClass;
  title: string;
  description: string;
  justification: string;
  references: string[];
  assetIds: string[];
  implementationPlan: string;
  backoutPlan: string;
  testedOnTestBench: boolean;
  vendorQualified: boolean;
  testNotes: string;
  expectedDowntimeMinutes: number;
  productionImpact: ProductionImpact;
  safetyImpact: SafetyImpact;
  safetyBypassRequired: boolean;
  plannedStart: string | null;
  plannedEnd: string | null;
  implementerEmail: string | null;
  implementerName: string | null;
  requesterEmail: string;
  requesterName: string;
  risk: RiskLevel;
  riskScore: number;
  riskFactors: RiskFactor[];
  /** explainRisk(): one line for the level, one per contributing factor. */
  riskExplanation: string[];
  requiredSignoffs: RequiredSignoffView[];
  /** Every sign-off of every round, superseded ones included and marked. */
  signoffs: SignoffView[];
  pssrRequired: boolean;
  approvalRound: number;
  /** SHA-256 of the approval-relevant content as it is now; a new sign-off records this. */
  contentHash: string;
  retrospectiveDueAt: string | null;
  overdueRetrospective: { role: SignoffRole; siteCode: string | null; dueAt: string }[];
  availableActions: ActionAvailability[];
  signOptions: SignOption[];
  sites: ChangeSiteView[];
  assets: ChangeAssetView[];
  submittedAt: string | null;
  approvedAt: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  outcome: Outcome | null;
  outcomeNotes: string | null;
  /** A patch or firmware update: reporting it successful needs an integrity check first. */
  integrityRequired: boolean;
  integrityCheck: IntegrityCheckView | null;
  pirSecurityVerified: boolean | null;
  pirBaselineUpdated: boolean | null;
  pirNotes: string | null;
  closedAt: string | null;
  followsChangeId: string | null;
  /** The failed or rolled-back change this one follows up; null when none or at a site the caller may not see. */
  follows: ChangeLinkView | null;
  /** The follow-ups that name this change, oldest first (those the caller may see). */
  followedBy: ChangeLinkView[];
  /** Expiry of a temporary change (issue 15), null for a permanent one. */
  temporaryUntil: string | null;
  temporary: TemporaryLinksView;
  /** The catalog model version a standard change follows (issue 15); null for other classes. */
  standardModelVersionId: string | null;
  standardModel: ChangeModelRef | null;
  /** A standard change from before the catalog, bound to no model and not checked against one. */
  standardLegacy: boolean;
  /** The advisories this change was drafted from (issue 10: linked both ways). */
  advisories: { id: string; trackingId: string; title: string }[];
  createdAt: string;
  updatedAt: string;
  updatedByEmail: string | null;
}

export interface ChangeListItem {
  id: string;
  number: string;
  version: number;
  state: ChangeState;
  type: ChangeType;
  class: ChangeClass;
  title: string;
  risk: RiskLevel;
  siteCodes: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  requesterEmail: string;
  requesterName: string;
  implementerEmail: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InboxItem {
  id: string;
  number: string;
  title: string;
  state: ChangeState;
  class: ChangeClass;
  risk: RiskLevel;
  siteCodes: string[];
  requesterName: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** Since when the change waits for this user (submission, or approval for retrospective ones). */
  waitingSince: string;
  /** What this user may sign now; `onBehalfOfName` when under a role lent to them by that approver. */
  roles: {
    role: SignoffRole;
    siteCode: string | null;
    retrospective: boolean;
    onBehalfOfName: string | null;
  }[];
  /** Emergency retrospective sign-offs: when they fall due. */
  dueAt: string | null;
  overdue: boolean;
}

export interface GateResult {
  allowed: boolean;
  reasons: {
    code: GateReasonCode | string;
    message: string;
    data?: Record<string, string | number | null>;
  }[];
  /** Shown with the decision, never refusing: e.g. a fix the vendor has not qualified. */
  warnings: { code: string; message: string; acknowledged: boolean }[];
  evaluatedAt: string;
}

export interface ChangeHistoryEvent {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** A temporary change in place on an asset, until its revert closes (issue 15). */
export interface TemporaryOnAsset {
  id: string;
  number: string;
  title: string;
  temporaryUntil: string;
  /** lib/domain/changes/temporary expiryStatus at the time of reading. */
  status: "in_place" | "expiring" | "expired";
  revert: { id: string; number: string; state: ChangeState } | null;
}

export interface ChangeDashboard {
  sites: {
    siteCode: string;
    siteName: string;
    timeZone: string;
    counts: Record<ChangeState, number>;
    total: number;
  }[];
  overdueRetrospective: {
    id: string;
    number: string;
    title: string;
    siteCodes: string[];
    dueAt: string;
    roles: { role: SignoffRole; siteCode: string | null }[];
  }[];
  /** Temporary changes in place whose expiry is within 3 local days or past (issue 15). */
  temporaryExpiring: {
    id: string;
    number: string;
    title: string;
    timeZone: string;
    temporaryUntil: string;
    status: "expiring" | "expired";
    revert: { id: string; number: string; state: ChangeState } | null;
  }[];
}

export interface PickerAsset {
  id: string;
  siteId: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  tag: string;
  name: string;
  kind: AssetKind;
  areaCode: string | null;
  vendor: string;
  product: string;
  version: string;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  exposure: Exposure;
  redundancyGroup: string | null;
  redundancyGroupMembers: string[];
}

export interface ImplementerCandidate {
  email: string;
  name: string;
  siteCodes: string[];
}
