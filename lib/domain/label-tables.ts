import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { CVSS_BANDS, CVSS_BAND_LABELS, PRIORITY_LEVELS, PRIORITY_LEVEL_LABELS } from "./advisories/priority";
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS } from "./advisories/clocks";
import { MATCH_STATUSES, REMEDIATION_CATEGORIES } from "./advisories/types";
import {
  ASSET_KINDS,
  CHANGE_CLASSES,
  CHANGE_STATES,
  CHANGE_TYPES,
  CRITICALITIES,
  EXPOSURES,
  GATE_REASON_CODES,
  OUTCOMES,
  PRODUCTION_IMPACTS,
  RISK_LEVELS,
  RUN_CRITICALITIES,
  RUN_KINDS,
  SAFETY_IMPACTS,
  SIGNOFF_ROLES,
  SITE_ROLES,
  WINDOW_KINDS,
} from "./constants";
import { CHANGE_FIELD_NAMES } from "@/lib/schemas/changes";
import * as C from "./constants";
import * as L from "./labels";
import { EXPIRY_STATUSES, EXPIRY_STATUS_LABELS } from "./changes/temporary";
import {
  CHANNEL_LABELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_INFO,
} from "./notifications/kinds";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "./notifications/webhook-events";
import { TOKEN_SCOPES, SCOPE_LABELS } from "./token-scopes";

type Table = Readonly<Record<string, string>>;
export interface LabelTable {
  name: string;
  codes: readonly string[];
  labels: Table;
  /** Labels must be distinct and read as a sentence-case word unless noted. */
  distinct?: boolean;
  sentenceCase?: boolean;
}

const kindLabels = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NOTIFICATION_KIND_INFO[k].label]));
const t = (
  name: string,
  codes: readonly string[],
  labels: Table,
  opts?: Partial<LabelTable>,
): LabelTable => ({
  name,
  codes,
  labels,
  ...opts,
});

/**
 * Every code list a page shows, with its words: labels.test.ts checks each table, and the
 * every-page e2e looks for the codes in the rendered text of every main page.
 */
export const LABEL_TABLES: readonly LabelTable[] = [
  t("site role", SITE_ROLES, L.ROLE_LABELS),
  t("sign-off role", SIGNOFF_ROLES, L.SIGNOFF_ROLE_LABELS),
  // PSSR is signed by a safety approver: two roles, one title; lower case, as it sits inside sentences.
  t("signer title", SIGNOFF_ROLES, L.SIGNER_TITLES, { distinct: false, sentenceCase: false }),
  t("asset kind", ASSET_KINDS, L.ASSET_KIND_LABELS),
  t("asset criticality", CRITICALITIES, L.CRITICALITY_LABELS),
  t("exposure", EXPOSURES, L.EXPOSURE_LABELS),
  t("change state", CHANGE_STATES, L.CHANGE_STATE_LABELS),
  t("change type", CHANGE_TYPES, L.CHANGE_TYPE_LABELS),
  t("change field", CHANGE_FIELD_NAMES, L.CHANGE_FIELD_LABELS),
  t("change class", CHANGE_CLASSES, L.CHANGE_CLASS_LABELS),
  t("change class hint", CHANGE_CLASSES, L.CHANGE_CLASS_HINTS),
  t("risk level", RISK_LEVELS, L.RISK_LABELS),
  t("production impact", PRODUCTION_IMPACTS, L.PRODUCTION_IMPACT_LABELS),
  t("safety impact", SAFETY_IMPACTS, L.SAFETY_IMPACT_LABELS),
  t("outcome", OUTCOMES, L.OUTCOME_LABELS),
  t("gate reason", GATE_REASON_CODES, L.GATE_REASON_LABELS),
  t("window kind", WINDOW_KINDS, L.WINDOW_KIND_LABELS),
  t("run kind", RUN_KINDS, L.RUN_KIND_LABELS),
  t("run criticality", RUN_CRITICALITIES, L.RUN_CRITICALITY_LABELS),
  t("advisory match", MATCH_STATUSES, L.MATCH_LABELS),
  t("remediation", REMEDIATION_CATEGORIES, L.REMEDIATION_LABELS),
  t("advisory review", REVIEW_STATUSES, REVIEW_STATUS_LABELS),
  t("advisory priority", PRIORITY_LEVELS, PRIORITY_LEVEL_LABELS),
  t("CVSS severity", CVSS_BANDS, CVSS_BAND_LABELS),
  t("notification kind", NOTIFICATION_KINDS, kindLabels),
  t("notification channel", NOTIFICATION_CHANNELS, CHANNEL_LABELS),
  t("webhook event", WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS),
  t("token scope", TOKEN_SCOPES, SCOPE_LABELS),
  t("audit action", AUDIT_ACTIONS, L.ACTION_LABELS),
  t("temporary change expiry", EXPIRY_STATUSES, EXPIRY_STATUS_LABELS),
  t("standard change model version state", C.MODEL_VERSION_STATES, L.MODEL_VERSION_STATE_LABELS),
];
