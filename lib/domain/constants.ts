// The vocabularies of the domain, shared by the database schema, zod schemas, rules and UI; their words are in ./labels.
export const SITE_ROLES = [
  "requester",
  "operations",
  "safety",
  "security",
  "change_manager",
  "quality",
  "auditor",
] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const ASSET_KINDS = [
  "plc",
  "dcs_controller",
  "sis_logic_solver",
  "hmi",
  "scada_server",
  "historian",
  "engineering_workstation",
  "rtu",
  "network_switch",
  "firewall",
  "bas_controller",
  "other",
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const CRITICALITIES = ["safety_critical", "production_critical", "supporting"] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/**
 * How far an asset can be reached from outside its zone, from least to most exposed: used by
 * advisory priority and by change risk.
 */
export const EXPOSURES = ["isolated", "plant_network", "remote_access", "internet_facing"] as const;
export type Exposure = (typeof EXPOSURES)[number];

/** Purdue reference model levels; 3.5 is the industrial DMZ. */
export const PURDUE_LEVELS = [0, 1, 2, 3, 3.5, 4, 5] as const;
export type PurdueLevel = (typeof PURDUE_LEVELS)[number];

export const CHANGE_TYPES = [
  "security_patch",
  "firmware_update",
  "firewall_rule",
  "configuration",
  "access",
  "network",
  "other",
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const CHANGE_CLASSES = ["standard", "normal", "emergency"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

export const CHANGE_STATES = [
  "draft",
  "submitted",
  "approved",
  "in_progress",
  "implemented",
  "pssr_pending",
  "closed",
  "rejected",
  "cancelled",
  "failed",
  "rolled_back",
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export const PRODUCTION_IMPACTS = ["none", "degraded", "outage"] as const;
export type ProductionImpact = (typeof PRODUCTION_IMPACTS)[number];

export const SAFETY_IMPACTS = ["none", "possible", "yes"] as const;
export type SafetyImpact = (typeof SAFETY_IMPACTS)[number];

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SIGNOFF_ROLES = ["operations", "security", "safety", "change_board", "quality", "pssr"] as const;
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

/**
 * The site role a signer must hold for each sign-off role. Here rather than in changes/signing,
 * which hashes content with node:crypto: the browser's "who can help" needs this table alone.
 */
export const SIGNOFF_GRANT_ROLE: Record<SignoffRole, SiteRole> = {
  operations: "operations",
  security: "security",
  safety: "safety",
  change_board: "change_manager",
  quality: "quality",
  pssr: "safety",
};

export const SIGNOFF_DECISIONS = ["approve", "reject"] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];

export const OUTCOMES = ["success", "failed", "rolled_back"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const WINDOW_KINDS = ["maintenance", "blackout"] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const RUN_KINDS = ["run", "campaign", "batch", "turnaround"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const RUN_CRITICALITIES = ["critical", "normal", "low"] as const;
export type RunCriticality = (typeof RUN_CRITICALITIES)[number];

export const GATE_REASON_CODES = [
  "signoff_missing",
  "signoff_rejected",
  "signoff_superseded",
  "signoff_content_mismatch",
  "not_approved",
  "outside_slot",
  "outside_window",
  "blackout_active",
  "asset_busy",
  "redundancy_lost",
  "production_conflict",
  "not_implementer",
  "signer_is_implementer",
  "wrong_state",
  "outside_model",
] as const;
export type GateReasonCode = (typeof GATE_REASON_CODES)[number];

/** Standard-change catalog: the states of a model version. */
export const MODEL_VERSION_STATES = ["proposed", "approved", "rejected", "superseded", "retired"] as const;
export type ModelVersionState = (typeof MODEL_VERSION_STATES)[number];

/** Kinds a model may never allow: a safety instrumented system is never standard work. */
export const SAFETY_ASSET_KINDS: readonly AssetKind[] = ["sis_logic_solver"];
export const SAFETY_CRITICALITIES: readonly Criticality[] = ["safety_critical"];

/** A temporary change's request for a later expiry. */
export const EXTENSION_STATES = ["pending", "approved", "rejected"] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];
