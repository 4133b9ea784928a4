// Wording shared by the rules' plain-language messages, kept in one place so the
// policy, signing and gate messages name roles and sites the same way.
import type { ChangeState, GateReasonCode, SignoffRole } from "../constants";
import type { AssetFacts } from "./types";

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

/** A state as it reads inside a sentence ("in progress", "PSSR pending"). */
export function stateInProse(state: ChangeState): string {
  const label = CHANGE_STATE_LABELS[state];
  return label.startsWith("PSSR") ? label : label.toLowerCase();
}

export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

export interface SiteRef {
  siteId: string;
  siteCode: string;
  siteName: string;
}

/** Sorted by site code so requirement lists and messages are deterministic. */
export function distinctSites(
  assets: readonly Pick<AssetFacts, "siteId" | "siteCode" | "siteName">[],
): SiteRef[] {
  const byId = new Map<string, SiteRef>();
  for (const a of assets) {
    if (!byId.has(a.siteId))
      byId.set(a.siteId, { siteId: a.siteId, siteCode: a.siteCode, siteName: a.siteName });
  }
  return [...byId.values()].sort((x, y) => x.siteCode.localeCompare(y.siteCode));
}

export function assetLabel(a: Pick<AssetFacts, "tag" | "name">): string {
  return a.name ? `${a.tag} (${a.name})` : a.tag;
}

export function joinList(items: readonly string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** API style: "2027-03-14T08:00:00Z" (no milliseconds when they are zero). */
export function isoUtc(d: Date): string {
  return d.toISOString().replace(".000Z", "Z");
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

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
};
