// The words for every code people meet on a page: states, roles, kinds, reason codes (and, through
// lib/audit/labels, audit actions). One module so a page, a PDF and a service message say the same
// thing; each table is a Record over its code list, so a new code without words does not compile,
// and labels.test.ts checks that no label reads like a code.
import type {
  AssetKind,
  ChangeClass,
  ChangeState,
  ChangeType,
  Criticality,
  Exposure,
  ExtensionState,
  GateReasonCode,
  ModelVersionState,
  Outcome,
  ProductionImpact,
  RiskLevel,
  RunCriticality,
  RunKind,
  SafetyImpact,
  SignoffRole,
  SiteRole,
  WindowKind,
} from "./constants";
import type { MatchStatus, RemediationCategory } from "./advisories/types";

// Audit actions keep their table next to their registry (lib/audit/events), where each engineer
// declares a new action; the words are read from here like every other label.
export {
  ACTION_LABELS,
  HISTORY_ACTION_LABELS,
  actionLabel,
  actorLabel,
  historyActionLabel,
  isPersonActor,
} from "@/lib/audit/labels";

// ---- People -------------------------------------------------------------------------------------

export const ROLE_LABELS: Record<SiteRole, string> = {
  requester: "Requester",
  operations: "Operations approver",
  safety: "Safety approver",
  security: "Security approver",
  change_manager: "Change manager",
  quality: "Quality approver",
  auditor: "Auditor",
};

export const SIGNOFF_ROLE_LABELS: Record<SignoffRole, string> = {
  operations: "Operations",
  security: "Security",
  safety: "Safety",
  change_board: "Change board",
  quality: "Quality",
  pssr: "PSSR",
};

/** Who is awaited for each sign-off, as the people at the plant call them. */
export const SIGNER_TITLES: Record<SignoffRole, string> = {
  operations: "operations approver",
  security: "security approver",
  safety: "safety approver",
  change_board: "change manager",
  quality: "quality approver",
  pssr: "safety approver",
};

// ---- Assets -------------------------------------------------------------------------------------

export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  plc: "PLC",
  dcs_controller: "DCS controller",
  sis_logic_solver: "SIS logic solver",
  hmi: "HMI",
  scada_server: "SCADA server",
  historian: "Historian",
  engineering_workstation: "Engineering workstation",
  rtu: "RTU",
  network_switch: "Network switch",
  firewall: "Firewall",
  bas_controller: "Building-automation controller",
  other: "Other",
};

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  safety_critical: "Safety-critical",
  production_critical: "Production-critical",
  supporting: "Supporting",
};

export const EXPOSURE_LABELS: Record<Exposure, string> = {
  isolated: "Isolated",
  plant_network: "Plant network",
  remote_access: "Remote access",
  internet_facing: "Internet-facing",
};

// ---- Changes ------------------------------------------------------------------------------------

export const CHANGE_STATE_LABELS: Record<ChangeState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  approved: "Approved",
  in_progress: "In progress",
  implemented: "Implemented",
  pssr_pending: "PSSR pending",
  closed: "Closed",
  rejected: "Rejected",
  cancelled: "Cancelled",
  failed: "Failed",
  rolled_back: "Rolled back",
};

/** States grouped as people read a list: one colour per family on every page. */
export type StateFamily = "preparing" | "approval" | "ready" | "work" | "done" | "stopped" | "withdrawn";
export const CHANGE_STATE_FAMILY: Record<ChangeState, StateFamily> = {
  draft: "preparing",
  submitted: "approval",
  approved: "ready",
  in_progress: "work",
  implemented: "work",
  pssr_pending: "work",
  closed: "done",
  rejected: "stopped",
  failed: "stopped",
  rolled_back: "stopped",
  cancelled: "withdrawn",
};

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  security_patch: "Security patch",
  firmware_update: "Firmware update",
  firewall_rule: "Firewall rule change",
  configuration: "Configuration change",
  access: "Access change",
  network: "Network change",
  other: "Other",
};

export const CHANGE_CLASS_LABELS: Record<ChangeClass, string> = {
  standard: "Standard",
  normal: "Normal",
  emergency: "Emergency",
};

export const CHANGE_CLASS_HINTS: Record<ChangeClass, string> = {
  standard: "Pre-approved low-risk model; security sign-off only",
  normal: "Full review before implementation",
  emergency: "May start after operations and security (and safety); the rest within 72 h",
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const PRODUCTION_IMPACT_LABELS: Record<ProductionImpact, string> = {
  none: "None",
  degraded: "Degraded operation",
  outage: "Outage",
};

export const SAFETY_IMPACT_LABELS: Record<SafetyImpact, string> = {
  none: "None",
  possible: "Possible",
  yes: "Yes",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  success: "Success",
  failed: "Failed",
  rolled_back: "Rolled back",
};

/** The gate's stable reason codes in words, for reports that count them. */
export const GATE_REASON_LABELS: Record<GateReasonCode, string> = {
  signoff_missing: "Sign-off missing",
  signoff_rejected: "Sign-off rejected",
  signoff_superseded: "Sign-off superseded by an edit",
  signoff_content_mismatch: "Sign-off does not cover the current content",
  not_approved: "Change not approved",
  outside_slot: "Outside the planned slot",
  outside_window: "Outside a maintenance window",
  blackout_active: "Blackout in force",
  asset_busy: "Asset under another change",
  redundancy_lost: "Redundancy would be lost",
  production_conflict: "Conflicts with a critical production run",
  not_implementer: "Not the assigned implementer",
  signer_is_implementer: "Implementer gave a sign-off",
  wrong_state: "Change in the wrong state",
  outside_model: "Outside its standard change model",
};

// ---- Schedule -----------------------------------------------------------------------------------

export const WINDOW_KIND_LABELS: Record<WindowKind, string> = {
  maintenance: "Maintenance window",
  blackout: "Blackout",
};

export const RUN_KIND_LABELS: Record<RunKind, string> = {
  run: "Run",
  campaign: "Campaign",
  batch: "Batch",
  turnaround: "Turnaround",
};

export const RUN_CRITICALITY_LABELS: Record<RunCriticality, string> = {
  critical: "Critical",
  normal: "Normal",
  low: "Low",
};

// ---- Advisories (review statuses and priorities stay beside their rules in ./advisories) ------

export const MATCH_LABELS: Record<MatchStatus, string> = {
  affected: "Affected",
  not_affected: "Not affected",
  unknown: "Undecided",
};

export const REMEDIATION_LABELS: Record<RemediationCategory, string> = {
  vendor_fix: "Vendor fix",
  mitigation: "Mitigation",
  workaround: "Workaround",
  none_available: "No fix available",
  no_fix_planned: "No fix planned",
  other: "Other",
};

/** The fields of a change a client may write, in words: edit reasons and the trail's field tables. */
export const CHANGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  type: "Type",
  class: "Class",
  title: "Title",
  description: "Description",
  justification: "Justification",
  references: "References",
  assetIds: "Affected assets",
  implementationPlan: "Implementation plan",
  backoutPlan: "Backout plan",
  testedOnTestBench: "Tested on a test bench",
  vendorQualified: "Vendor-qualified",
  testNotes: "Test notes",
  expectedDowntimeMinutes: "Expected downtime",
  productionImpact: "Production impact",
  safetyImpact: "Safety impact",
  safetyBypassRequired: "Safety-function bypass needed",
  plannedStart: "Planned start",
  plannedEnd: "Planned end",
  implementerEmail: "Implementer",
  followsChangeId: "Follows change",
  temporaryUntil: "Temporary until",
  standardModelVersionId: "Standard change model",
};

/** A change field's words inside a sentence ("implementation plan"); an unknown field as it is. */
export const changeFieldWords = (field: string): string =>
  CHANGE_FIELD_LABELS[field]?.replace(/^\w/, (c) => c.toLowerCase()) ?? field;

export const MODEL_VERSION_STATE_LABELS: Record<ModelVersionState, string> = {
  proposed: "Awaiting board approval",
  approved: "Approved",
  rejected: "Rejected by the board",
  superseded: "Superseded by a newer version",
  retired: "Retired",
};

/** Where a model stands as a whole (its list badge): lib/types/catalog.ts ModelStatus. */
export const MODEL_STATUS_LABELS = {
  usable: "Approved",
  awaiting: "Proposed",
  rejected: "Rejected",
  retired: "Retired",
} as const;

export const EXTENSION_STATE_LABELS: Record<ExtensionState, string> = {
  pending: "Awaiting sign-offs",
  approved: "Approved",
  rejected: "Rejected",
};
