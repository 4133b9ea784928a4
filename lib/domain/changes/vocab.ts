// Display words for the change vocabularies that lib/domain/changes/labels does not hold (pure data:
// services, PDFs and components read the same words).
import type {
  ChangeClass,
  ChangeType,
  Outcome,
  ProductionImpact,
  RiskLevel,
  SafetyImpact,
} from "@/lib/domain/constants";

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
