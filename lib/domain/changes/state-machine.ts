// The change lifecycle (PRODUCT.md "Change lifecycle") as data, so the UI can offer only
// legal actions and the service can refuse the rest with a plain reason.
import type { ChangeClass, ChangeState, ChangeType, Outcome } from "../constants";
import { CHANGE_CLASSES, CHANGE_TYPES } from "../constants";
import type { SignoffEvaluation } from "./evaluation";

export const CHANGE_ACTIONS = [
  "submit",
  "cancel",
  "approve",
  "reject",
  "revise",
  "start",
  "complete",
  "fail",
  "roll_back",
  "request_pssr",
  "close",
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface Transition {
  readonly from: ChangeState;
  readonly action: ChangeAction;
  readonly to: ChangeState;
  /** True when the transition opens a new approval round (old sign-offs stop counting). */
  readonly newRound: boolean;
  /** Set on transitions the system takes on its own when sign-offs arrive. */
  readonly automatic: boolean;
  /** The condition the service must check before taking it, in words. */
  readonly guard: string | null;
}

function t(
  from: ChangeState,
  action: ChangeAction,
  to: ChangeState,
  opts: { newRound?: boolean; automatic?: boolean; guard?: string } = {},
): Transition {
  return {
    from,
    action,
    to,
    newRound: opts.newRound ?? false,
    automatic: opts.automatic ?? false,
    guard: opts.guard ?? null,
  };
}

export const TRANSITIONS: readonly Transition[] = [
  t("draft", "submit", "submitted", { guard: "submitReadiness reports nothing missing" }),
  t("draft", "cancel", "cancelled"),
  t("submitted", "approve", "approved", { automatic: true, guard: "all pre-start sign-offs satisfied" }),
  t("submitted", "reject", "rejected", { automatic: true, guard: "a required approver rejected" }),
  t("submitted", "cancel", "cancelled"),
  // A rejection must not outlive the revision, hence a new round; revising an approved
  // change keeps the round so the edit rules decide which sign-offs survive.
  t("rejected", "revise", "draft", { newRound: true }),
  t("approved", "revise", "draft"),
  t("approved", "cancel", "cancelled"),
  t("approved", "start", "in_progress", { guard: "the deployment gate allows it" }),
  t("in_progress", "complete", "implemented"),
  t("in_progress", "fail", "failed"),
  t("in_progress", "roll_back", "rolled_back"),
  t("implemented", "request_pssr", "pssr_pending", { guard: "a PSSR is required" }),
  t("implemented", "close", "closed", { guard: "no PSSR is required; post-implementation review done" }),
  t("pssr_pending", "close", "closed", { guard: "the PSSR is signed; post-implementation review done" }),
];

/** Changes still under way: any state a change can still leave (a rejected one is revised). */
export const OPEN_STATES: readonly ChangeState[] = [...new Set(TRANSITIONS.map((x) => x.from))];

export interface TransitionContext {
  /** When known, refuses closing past a required PSSR and requesting an unneeded one. */
  pssrRequired?: boolean;
}

export type TransitionResult =
  { ok: true; to: ChangeState; newRound: boolean } | { ok: false; reason: string };

/** How each refused action reads: "This change cannot start now: …". */
const REFUSED: Record<ChangeAction, string> = {
  submit: "be submitted",
  cancel: "be cancelled",
  approve: "be approved",
  reject: "be rejected",
  revise: "be revised",
  start: "start",
  complete: "be completed",
  fail: "be recorded as failed",
  roll_back: "be recorded as rolled back",
  request_pssr: "go to its safety review",
  close: "be closed",
};

/** Where a change in each state stands and what comes next, as a refusal explains it. */
export const STATE_STANDING: Record<ChangeState, string> = {
  draft: "it is a draft; the requester submits it for approval first",
  submitted: "it is waiting for its sign-offs",
  approved: "it is approved and waiting for the implementer to start it",
  in_progress: "its implementation is under way; the implementer records the outcome",
  implemented: "it is implemented and waiting for its review and closure",
  pssr_pending: "it is waiting for its pre-startup safety review (PSSR)",
  closed: "it is closed",
  rejected: "it was rejected; the requester revises it to start a new approval round",
  cancelled: "it was cancelled",
  failed: "its implementation failed; draft a follow-up change",
  rolled_back: "it was rolled back; draft a follow-up change",
};

export function canTransition(
  from: ChangeState,
  action: ChangeAction,
  ctx: TransitionContext = {},
): TransitionResult {
  const tr = TRANSITIONS.find((x) => x.from === from && x.action === action);
  if (!tr) {
    return {
      ok: false,
      reason: `This change cannot ${REFUSED[action]} now: ${STATE_STANDING[from]}.`,
    };
  }
  if (from === "implemented" && action === "close" && ctx.pssrRequired === true) {
    return { ok: false, reason: "A pre-startup safety review (PSSR) is required before closing" };
  }
  if (action === "request_pssr" && ctx.pssrRequired === false) {
    return { ok: false, reason: "No PSSR is required for this change; close it directly" };
  }
  return { ok: true, to: tr.to, newRound: tr.newRound };
}

/** Actions a person can take from this state; automatic transitions are left out. */
export function availableActions(state: ChangeState, ctx: TransitionContext = {}): ChangeAction[] {
  return CHANGE_ACTIONS.filter((action) => {
    const tr = TRANSITIONS.find((x) => x.from === state && x.action === action);
    return tr !== undefined && !tr.automatic && canTransition(state, action, ctx).ok;
  });
}

export function completionAction(outcome: Outcome): ChangeAction {
  return outcome === "success" ? "complete" : outcome === "failed" ? "fail" : "roll_back";
}

/** Where a submitted change goes after a sign-off: a rejection wins over approvals. */
export function approvalOutcome(evaluation: SignoffEvaluation): "rejected" | "approved" | "pending" {
  if (evaluation.rejected.length > 0) return "rejected";
  return evaluation.allPreStartSatisfied ? "approved" : "pending";
}

export interface SubmitDraft {
  title?: string | null;
  description?: string | null;
  justification?: string | null;
  assetIds?: readonly string[] | null;
  implementationPlan?: string | null;
  backoutPlan?: string | null;
  plannedStart?: Date | null;
  plannedEnd?: Date | null;
  implementerId?: string | null;
  type?: ChangeType | string | null;
  class?: ChangeClass | string | null;
}

export interface ReadinessIssue {
  field: string;
  message: string;
}

function blank(v: string | null | undefined): boolean {
  return v === null || v === undefined || v.trim() === "";
}

function validDate(d: Date | null | undefined): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** Missing mandatory fields for submit; `now`, when given, also refuses a slot already over. */
export function submitReadiness(draft: SubmitDraft, now?: Date): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  const text: [keyof SubmitDraft, string][] = [
    ["title", "A title is required"],
    ["description", "A description is required"],
    ["justification", "A justification / technical basis is required"],
  ];
  for (const [field, message] of text) {
    if (blank(draft[field] as string | null | undefined)) issues.push({ field, message });
  }
  if (!draft.type || !(CHANGE_TYPES as readonly string[]).includes(draft.type)) {
    issues.push({ field: "type", message: "A change type is required" });
  }
  if (!draft.class || !(CHANGE_CLASSES as readonly string[]).includes(draft.class)) {
    issues.push({ field: "class", message: "A change class is required" });
  }
  if (!draft.assetIds || draft.assetIds.length === 0) {
    issues.push({ field: "assetIds", message: "At least one affected asset is required" });
  }
  if (blank(draft.implementationPlan)) {
    issues.push({ field: "implementationPlan", message: "An implementation plan is required" });
  }
  if (blank(draft.backoutPlan)) issues.push({ field: "backoutPlan", message: "A backout plan is required" });
  const start = draft.plannedStart;
  const end = draft.plannedEnd;
  if (!validDate(start)) issues.push({ field: "plannedStart", message: "A planned start is required" });
  if (!validDate(end)) issues.push({ field: "plannedEnd", message: "A planned end is required" });
  if (validDate(start) && validDate(end)) {
    if (end.getTime() <= start.getTime()) {
      issues.push({ field: "plannedEnd", message: "The planned end must be after the planned start" });
    } else if (now && end.getTime() <= now.getTime()) {
      issues.push({ field: "plannedEnd", message: "The planned slot is already over" });
    }
  }
  if (blank(draft.implementerId))
    issues.push({ field: "implementerId", message: "An implementer is required" });
  return issues;
}
