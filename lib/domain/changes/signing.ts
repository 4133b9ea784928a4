// Separation of duties (PRODUCT.md): who may give which sign-off on which change, and when.
import {
  SIGNOFF_GRANT_ROLE,
  type ChangeState,
  type SignoffDecision,
  type SignoffRole,
  type SiteRole,
} from "../constants";
import type { ActorFacts, ChangeFacts, RequiredSignoff, SignoffFacts } from "./types";
import { computeRisk } from "./risk";
import { OWING_STATES } from "./evaluation";
import { pssrRequired, requiredSignoffs } from "./policy";
import { signatureCoversContent, type ApprovalContent } from "./content";
import { SIGNER_TITLES, SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import {
  distinctSites,
  joinList,
  stateInProse,
  withArticle,
  type SiteRef,
} from "@/lib/domain/changes/wording";

export { SIGNOFF_GRANT_ROLE };

export type SignRefusalCode =
  | "requester"
  | "editor"
  | "signer_is_implementer"
  | "already_signed"
  | "no_role"
  | "not_required"
  | "wrong_state"
  | "already_satisfied";

export type CanSignResult =
  { ok: true; siteId: string } | { ok: false; reason: string; code: SignRefusalCode };

const PRE_START_STATES: readonly ChangeState[] = ["submitted"];
const RETROSPECTIVE_STATES: readonly ChangeState[] = ["submitted", ...OWING_STATES];
const PSSR_STATES: readonly ChangeState[] = ["implemented", "pssr_pending"];

/**
 * The PSSR is the safety authority's follow-up on its own pre-start review, not a second
 * perspective, so a safety signer may also sign the PSSR. Any other pairing is two
 * perspectives held by one person, which separation of duties forbids.
 */
export function compatibleRoles(a: SignoffRole, b: SignoffRole): boolean {
  return (a === "safety" && b === "pssr") || (a === "pssr" && b === "safety");
}

/** The signer, or the approver a delegate signed for: both count as having given the sign-off. */
export function signedBy(s: Pick<SignoffFacts, "signerId" | "onBehalfOfId">, userId: string): boolean {
  return s.signerId === userId || s.onBehalfOfId === userId;
}

function refuse(code: SignRefusalCode, reason: string): CanSignResult {
  return { ok: false, code, reason };
}

function holds(actor: ActorFacts, role: SiteRole, siteId: string): boolean {
  return actor.grants.some((g) => g.role === role && g.siteId === siteId);
}

function approvedBy(
  signoffs: readonly SignoffFacts[],
  round: number,
  role: SignoffRole,
  siteId: string | null,
) {
  return signoffs.some(
    (s) =>
      s.round === round &&
      !s.superseded &&
      s.decision === "approve" &&
      s.role === role &&
      (siteId === null || s.siteId === siteId),
  );
}

/**
 * `required` should be the list shown on the change (computed with redundancy-group
 * membership); without it the risk is recomputed from the change alone, which treats
 * redundancy as kept and may therefore omit the change board.
 */
export function canSign(
  change: ChangeFacts,
  existingSignoffs: readonly SignoffFacts[],
  actor: ActorFacts,
  role: SignoffRole,
  siteId?: string | null,
  required?: readonly RequiredSignoff[],
): CanSignResult {
  const label = SIGNOFF_ROLE_LABELS[role];
  const title = SIGNER_TITLES[role];
  const grantRole = SIGNOFF_GRANT_ROLE[role];
  const round = change.approvalRound;
  const changeSites = distinctSites(change.assets);

  if (actor.userId === change.requesterId) {
    return refuse("requester", "You requested this change; a requester never signs their own change");
  }
  if (change.scopeEditorIds.includes(actor.userId)) {
    return refuse(
      "editor",
      "You edited this change's scope after it was submitted, so you count as one of its requesters; a requester never signs their own change",
    );
  }
  if (change.implementerId !== null && actor.userId === change.implementerId) {
    return refuse(
      "signer_is_implementer",
      "You are the assigned implementer of this change; the person who implements a change gives none of its sign-offs",
    );
  }

  let reqs: { siteId: string | null; retrospectiveAllowed: boolean }[];
  if (role === "pssr") {
    reqs = pssrRequired(change) ? [{ siteId: null, retrospectiveAllowed: false }] : [];
  } else {
    reqs = (required ?? requiredSignoffs(change, computeRisk(change))).filter((r) => r.role === role);
  }
  if (reqs.length === 0) return refuse("not_required", `${label} sign-off is not required for this change`);

  if (siteId) {
    const site = changeSites.find((s) => s.siteId === siteId);
    if (!site) return refuse("not_required", "That site is not affected by this change");
    if (role === "operations" && !reqs.some((r) => r.siteId === siteId)) {
      return refuse("not_required", `Operations of ${site.siteName} is not required for this change`);
    }
  }

  const states =
    role === "pssr"
      ? PSSR_STATES
      : change.class === "emergency" && reqs.every((r) => r.retrospectiveAllowed)
        ? RETROSPECTIVE_STATES
        : PRE_START_STATES;
  if (!states.includes(change.state)) {
    const when = joinList(states.map(stateInProse), "or");
    return refuse(
      "wrong_state",
      `${label} sign-off can be given only while the change is ${when}; it is ${stateInProse(change.state)}`,
    );
  }

  // Operations signs for its own site; the other roles may sign from any site of the
  // change, except quality, whose authority is the GxP site.
  let scope: SiteRef[];
  if (role === "operations") {
    scope = changeSites.filter((s) => reqs.some((r) => r.siteId === s.siteId));
  } else if (role === "quality") {
    scope = distinctSites(change.assets.filter((a) => a.gxp));
  } else {
    scope = changeSites;
  }
  if (siteId) scope = scope.filter((s) => s.siteId === siteId);
  const eligible = scope.filter((s) => holds(actor, grantRole, s.siteId));
  if (eligible.length === 0) {
    const where = joinList(
      scope.map((s) => s.siteName),
      "or",
    );
    const admin = actor.isAdmin ? "; administrator rights do not grant signing rights" : "";
    return refuse(
      "no_role",
      `You are not ${withArticle(title)} at ${where || "a site of this change"}${admin}`,
    );
  }

  const mine = existingSignoffs.filter(
    (s) => s.round === round && !s.superseded && signedBy(s, actor.userId),
  );
  const conflicting = mine.find((s) => !compatibleRoles(s.role, role));
  if (conflicting) {
    return refuse(
      "already_signed",
      `You have already signed this change (${SIGNOFF_ROLE_LABELS[conflicting.role]}); one person gives at most one sign-off per change`,
    );
  }

  const open =
    role === "operations"
      ? eligible.filter((s) => !approvedBy(existingSignoffs, round, role, s.siteId))
      : approvedBy(existingSignoffs, round, role, null)
        ? []
        : eligible;
  const first = open[0];
  if (!first) {
    const where =
      role === "operations"
        ? ` for ${joinList(
            eligible.map((s) => s.siteName),
            "and",
          )}`
        : "";
    return refuse("already_satisfied", `${label} sign-off${where} has already been given`);
  }
  return { ok: true, siteId: first.siteId };
}

const AUTHORITY: Record<SignoffRole, string> = {
  operations: "operations authority",
  security: "IT/OT security authority",
  safety: "safety authority",
  change_board: "change board chair",
  quality: "quality authority",
  pssr: "safety authority (pre-startup safety review)",
};

/** The meaning recorded with an electronic signature (21 CFR Part 11 asks for it). */
export function signoffMeaning(
  role: SignoffRole,
  decision: SignoffDecision = "approve",
  siteName?: string | null,
): string {
  const verb = decision === "approve" ? "Approved" : "Rejected";
  return `${verb} as ${AUTHORITY[role]}${siteName ? ` for ${siteName}` : ""}`;
}

/**
 * Defence in depth for the gate: drops sign-offs that separation of duties should have
 * prevented (by a requester or scope editor, or a second perspective from one person, keeping
 * their earliest), so a bad row can never open the gate.
 */
export function independentSignoffs(change: ChangeFacts, signoffs: readonly SignoffFacts[]): SignoffFacts[] {
  const kept: SignoffFacts[] = [];
  const ordered = [...signoffs].sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());
  for (const s of ordered) {
    const people = [s.signerId, ...(s.onBehalfOfId ? [s.onBehalfOfId] : [])];
    if (people.some((p) => p === change.requesterId || change.scopeEditorIds.includes(p))) continue;
    const counts = s.round === change.approvalRound && !s.superseded;
    const clash =
      counts &&
      kept.some(
        (k) =>
          people.some((p) => signedBy(k, p)) &&
          k.round === s.round &&
          !k.superseded &&
          !compatibleRoles(k.role, s.role),
      );
    if (!clash) kept.push(s);
  }
  return kept;
}

export interface CountedSignoffs {
  /** What approval, the gate and the change page count. */
  counted: SignoffFacts[];
  /** Current, non-superseded sign-offs whose recorded hash does not cover the content now. */
  unverified: SignoffFacts[];
}

/**
 * The sign-offs that count for `content`: each current one must verify against the content as
 * it is now (not only be unmarked by the supersede bookkeeping), then separation of duties.
 */
export function countedSignoffs(
  change: ChangeFacts,
  signoffs: readonly SignoffFacts[],
  content: ApprovalContent,
): CountedSignoffs {
  const unverified = signoffs.filter(
    (s) => s.round === change.approvalRound && !s.superseded && !signatureCoversContent(s, content),
  );
  const verified = signoffs.filter((s) => !unverified.includes(s));
  return { counted: independentSignoffs(change, verified), unverified };
}

export { APPROVAL_CONTENT_FIELDS, SLOT_SUPERSEDED_ROLES, contentHash, supersedeOnEdit } from "./content";
