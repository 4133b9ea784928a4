// Extending a temporary change after it is in place (issue 15, item 4): the new expiry needs the
// same sign-offs as the original, each bound to the extension's content. Pure: time is a parameter.
import type { ExtensionState, SignoffDecision, SignoffRole, SiteRole } from "../constants";
// Its state codes and words are in ../constants and ../labels: this file hashes (./content, node:crypto),
// and a client import of it pulls crypto-browserify, whose eval breaks the CSP.
import { SIGNOFF_ROLE_LABELS } from "../labels";
import { formatInZone } from "../site-time";
import { canonicalHash } from "./content";
import { SIGNOFF_GRANT_ROLE } from "./signing";
import type { ChangeFacts, SignoffFacts } from "./types";
import { distinctSites, joinList, withArticle } from "./wording";

/** One sign-off an extension needs: a role (operations for one site), as the original had it. */
export interface ExtensionRequirement {
  role: SignoffRole;
  siteId: string | null;
}

/**
 * The sign-offs an extension needs: every perspective that approved the change in its current
 * round (operations once per site), so whoever approved the temporary state approves its extension.
 * The PSSR reviews the work done, not the expiry, and is not asked again.
 */
export function extensionRequirements(
  counted: readonly SignoffFacts[],
  round: number,
): ExtensionRequirement[] {
  const out: ExtensionRequirement[] = [];
  for (const s of counted) {
    if (s.round !== round || s.superseded || s.decision !== "approve" || s.role === "pssr") continue;
    const siteId = s.role === "operations" ? s.siteId : null;
    if (!out.some((r) => r.role === s.role && r.siteId === siteId)) out.push({ role: s.role, siteId });
  }
  return out;
}

/** The current expiry of a temporary change: the latest approved extension's, else the one it was approved with. */
export function effectiveExpiry(c: { temporaryUntil: Date | null; extendedUntil: Date | null }): Date | null {
  return c.extendedUntil ?? c.temporaryUntil;
}

/** Why a new expiry cannot be requested, or null: it must be in the future and later than the current one. */
export function extensionRefusal(until: Date, current: Date, now: Date, zone: string): string | null {
  if (until.getTime() <= now.getTime())
    return "The new expiry must be in the future. Choose a later date and time.";
  if (until.getTime() <= current.getTime())
    return `An extension moves the expiry later: it is ${formatInZone(current, zone)} now. Choose a later date and time.`;
  return null;
}

/** What every extension sign-off is bound to: the change as approved, and the old and new expiry. */
export function extensionHash(x: {
  changeId: string;
  number: string;
  changeContentHash: string;
  fromUntil: Date;
  toUntil: Date;
  reason: string;
}): string {
  return canonicalHash({
    kind: "temporary_extension",
    changeId: x.changeId,
    number: x.number,
    changeContentHash: x.changeContentHash,
    fromUntil: x.fromUntil.toISOString(),
    toUntil: x.toUntil.toISOString(),
    reason: x.reason,
  });
}

export interface ExtensionFacts {
  state: ExtensionState;
  requestedBy: string;
  required: readonly ExtensionRequirement[];
  signoffs: readonly {
    role: SignoffRole;
    siteId: string | null;
    signerId: string;
    decision: SignoffDecision;
  }[];
}

export type ExtensionSignVerdict =
  | { ok: true; siteId: string }
  | { ok: false; code: "state" | "not_required" | "duty" | "no_role"; reason: string };

/**
 * Whether `signer` (their own roles: a delegation lends no authority over extensions) may give
 * `role` on this extension: it is pending and needs the role (at `siteId` for operations), which
 * nobody has approved yet; the signer holds the role's grant where the original was given (the
 * operations site; a GxP site for quality; any site of the change otherwise), did not request the
 * change or the extension and does not implement it, and has given no other role on it.
 */
export function canSignExtension(
  ext: ExtensionFacts,
  change: Pick<ChangeFacts, "requesterId" | "scopeEditorIds" | "implementerId" | "assets">,
  signer: { userId: string; grants: readonly { siteId: string; role: SiteRole }[] },
  role: SignoffRole,
  siteId: string | null,
): ExtensionSignVerdict {
  const label = SIGNOFF_ROLE_LABELS[role];
  if (ext.state !== "pending")
    return { ok: false, code: "state", reason: "This extension is already decided" };
  const open = ext.required.filter(
    (r) =>
      r.role === role &&
      (siteId === null || r.siteId === null || r.siteId === siteId) &&
      !ext.signoffs.some((s) => s.role === r.role && (r.siteId === null || s.siteId === r.siteId)),
  );
  if (!ext.required.some((r) => r.role === role))
    return { ok: false, code: "not_required", reason: `${label} sign-off is not needed for this extension` };
  if (open.length === 0)
    return {
      ok: false,
      code: "not_required",
      reason: `${label} sign-off of this extension has already been given`,
    };
  const me = signer.userId;
  if (me === change.requesterId || change.scopeEditorIds.includes(me) || me === ext.requestedBy)
    return {
      ok: false,
      code: "duty",
      reason: "You requested this change or its extension; a requester never signs their own request",
    };
  if (me === change.implementerId)
    return {
      ok: false,
      code: "duty",
      reason:
        "You are the assigned implementer of this change; the person who implements a change gives none of its sign-offs",
    };
  const given = ext.signoffs.find((s) => s.signerId === me && s.role !== role);
  if (given)
    return {
      ok: false,
      code: "duty",
      reason: `You have already signed this extension (${SIGNOFF_ROLE_LABELS[given.role]}); one person gives at most one sign-off`,
    };
  const grant = SIGNOFF_GRANT_ROLE[role];
  const sites = distinctSites(role === "quality" ? change.assets.filter((a) => a.gxp) : change.assets);
  for (const r of open) {
    const where = r.siteId ? sites.filter((s) => s.siteId === r.siteId) : sites;
    const at = where.find((s) => signer.grants.some((g) => g.role === grant && g.siteId === s.siteId));
    if (at) return { ok: true, siteId: at.siteId };
  }
  return {
    ok: false,
    code: "no_role",
    reason: `You are not ${withArticle(label.toLowerCase())} approver at ${joinList(
      sites.map((s) => s.siteName),
      "or",
    )}`,
  };
}

/** Decided when a sign-off rejects it, or when every requirement has an approval. */
export function extensionOutcome(ext: Pick<ExtensionFacts, "required" | "signoffs">): ExtensionState {
  if (ext.signoffs.some((s) => s.decision === "reject")) return "rejected";
  const done = ext.required.every((r) =>
    ext.signoffs.some(
      (s) => s.decision === "approve" && s.role === r.role && (r.siteId === null || s.siteId === r.siteId),
    ),
  );
  return done ? "approved" : "pending";
}

/** How a requirement is stored: "security", or "operations:<siteId>" for a site's operations. */
export const requirementKey = (r: ExtensionRequirement): string =>
  r.siteId ? `${r.role}:${r.siteId}` : r.role;

export function parseRequirement(key: string): ExtensionRequirement {
  const [role, siteId] = key.split(":") as [SignoffRole, string | undefined];
  return { role, siteId: siteId ?? null };
}
