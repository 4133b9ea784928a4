import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { PRIORITY_LEVELS, PRIORITY_LEVEL_LABELS } from "./advisories/priority";
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
import * as L from "./labels";
import { EXPIRY_STATUSES, EXPIRY_STATUS_LABELS } from "./changes/temporary";
import { MODEL_VERSION_STATES, MODEL_VERSION_STATE_LABELS } from "./catalog/model";
import {
  CHANNEL_LABELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_INFO,
} from "./notifications/kinds";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "./notifications/webhook-events";
import { TOKEN_SCOPES, SCOPE_LABELS } from "./token-scopes";

type Table = Readonly<Record<string, string>>;
const kindLabels = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, NOTIFICATION_KIND_INFO[k].label]));

/** Every code list a page shows, with its words. Labels must be distinct unless noted. */
const TABLES: [string, readonly string[], Table, { distinct?: boolean; sentenceCase?: boolean }?][] = [
  ["site role", SITE_ROLES, L.ROLE_LABELS],
  ["sign-off role", SIGNOFF_ROLES, L.SIGNOFF_ROLE_LABELS],
  // PSSR is signed by a safety approver: two roles, one title; lower case, as it sits inside sentences.
  ["signer title", SIGNOFF_ROLES, L.SIGNER_TITLES, { distinct: false, sentenceCase: false }],
  ["asset kind", ASSET_KINDS, L.ASSET_KIND_LABELS],
  ["asset criticality", CRITICALITIES, L.CRITICALITY_LABELS],
  ["exposure", EXPOSURES, L.EXPOSURE_LABELS],
  ["change state", CHANGE_STATES, L.CHANGE_STATE_LABELS],
  ["change type", CHANGE_TYPES, L.CHANGE_TYPE_LABELS],
  ["change class", CHANGE_CLASSES, L.CHANGE_CLASS_LABELS],
  ["change class hint", CHANGE_CLASSES, L.CHANGE_CLASS_HINTS],
  ["risk level", RISK_LEVELS, L.RISK_LABELS],
  ["production impact", PRODUCTION_IMPACTS, L.PRODUCTION_IMPACT_LABELS],
  ["safety impact", SAFETY_IMPACTS, L.SAFETY_IMPACT_LABELS],
  ["outcome", OUTCOMES, L.OUTCOME_LABELS],
  ["gate reason", GATE_REASON_CODES, L.GATE_REASON_LABELS],
  ["window kind", WINDOW_KINDS, L.WINDOW_KIND_LABELS],
  ["run kind", RUN_KINDS, L.RUN_KIND_LABELS],
  ["run criticality", RUN_CRITICALITIES, L.RUN_CRITICALITY_LABELS],
  ["advisory match", MATCH_STATUSES, L.MATCH_LABELS],
  ["remediation", REMEDIATION_CATEGORIES, L.REMEDIATION_LABELS],
  ["advisory review", REVIEW_STATUSES, REVIEW_STATUS_LABELS],
  ["advisory priority", PRIORITY_LEVELS, PRIORITY_LEVEL_LABELS],
  ["notification kind", NOTIFICATION_KINDS, kindLabels],
  ["notification channel", NOTIFICATION_CHANNELS, CHANNEL_LABELS],
  ["webhook event", WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS],
  ["token scope", TOKEN_SCOPES, SCOPE_LABELS],
  ["audit action", AUDIT_ACTIONS, L.ACTION_LABELS],
  ["temporary change expiry", EXPIRY_STATUSES, EXPIRY_STATUS_LABELS],
  ["standard change model version state", MODEL_VERSION_STATES, MODEL_VERSION_STATE_LABELS],
];

/** What a code looks like and a label must not: snake_case, dotted actions, a bare lower-case word. */
const CODE_LIKE = /[_.]|^[a-z]+$/;

describe.each(TABLES)("%s labels", (_name, codes, table, opts) => {
  it("has words for every code and for nothing else", () => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });

  it.each([...codes])("%s reads as words, not as a code", (code) => {
    const label = table[code]!;
    expect(label.trim()).toBe(label);
    expect(label).not.toBe("");
    if (opts?.sentenceCase !== false) {
      expect(label).not.toMatch(CODE_LIKE);
      expect(label.charAt(0)).toBe(label.charAt(0).toUpperCase());
    } else {
      expect(label).not.toMatch(/[_.]/);
    }
  });

  if (opts?.distinct !== false)
    it("gives each code its own words", () => {
      expect(new Set(Object.values(table)).size).toBe(codes.length);
    });
});

describe("history action labels", () => {
  it("name only real actions, in words", () => {
    for (const [action, label] of Object.entries(L.HISTORY_ACTION_LABELS)) {
      expect(AUDIT_ACTIONS).toContain(action);
      expect(label).not.toMatch(CODE_LIKE);
    }
  });

  it("fall back to the trail's words, and an unknown code shows as it is", () => {
    expect(L.historyActionLabel("change.submit")).toBe("Submitted");
    expect(L.historyActionLabel("user.create")).toBe(L.ACTION_LABELS["user.create"]);
    expect(L.historyActionLabel("future.action")).toBe("future.action");
  });
});
