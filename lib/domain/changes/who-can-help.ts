// Who can lift a refusal, so that a closed gate names people rather than leaving the reader
// with a code: the approvers of a missing sign-off, the change managers for windows and
// blackouts, operations for production and redundancy.
import type { GateReasonCode, SignoffRole, SiteRole } from "../constants";
import { SIGNOFF_GRANT_ROLE } from "../constants";

export interface HelpRole {
  role: SiteRole;
  /** The site whose holders can help; null: any site of the change. */
  siteCode: string | null;
}

const BY_CODE: Record<GateReasonCode, readonly SiteRole[]> = {
  signoff_missing: [],
  signoff_rejected: ["requester"],
  signoff_superseded: [],
  signoff_content_mismatch: [],
  not_approved: [],
  outside_slot: ["requester", "change_manager"],
  outside_window: ["change_manager"],
  blackout_active: ["change_manager"],
  asset_busy: ["change_manager"],
  redundancy_lost: ["operations"],
  production_conflict: ["operations", "change_manager"],
  not_implementer: [],
  signer_is_implementer: ["requester"],
  wrong_state: [],
  // The requester brings the change back within its model, or the board approves a model that fits.
  outside_model: ["requester", "change_manager"],
};

const SIGNOFF_CODES = new Set(["signoff_missing", "signoff_superseded", "signoff_content_mismatch"]);

/** The roles (per site where the reason names one) that can help with a gate reason. */
export function helpRolesFor(reason: {
  code: GateReasonCode | string;
  data?: Record<string, string | number | null> | null;
}): HelpRole[] {
  const d = reason.data ?? {};
  const siteCode = typeof d.siteCode === "string" ? d.siteCode : null;
  if (SIGNOFF_CODES.has(reason.code) && typeof d.role === "string" && d.role in SIGNOFF_GRANT_ROLE) {
    return [{ role: SIGNOFF_GRANT_ROLE[d.role as SignoffRole], siteCode }];
  }
  // Too early is a matter of waiting for the slot; nobody needs to act.
  if (reason.code === "outside_slot" && d.position === "before") return [];
  const roles = (BY_CODE as Record<string, readonly SiteRole[]>)[reason.code] ?? [];
  return roles.map((role) => ({ role, siteCode }));
}
