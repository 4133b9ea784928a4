// Matches recorded sign-offs against the required list. Only the current round's
// non-superseded sign-offs count: a signature approves specific content, and both a
// new round and an edit mean the content it approved is gone.
import type { ChangeState } from "../constants";
import type { RequiredSignoff, SignoffFacts } from "./types";

/** Rule 7: an emergency change's remaining sign-offs are due this long after approval. */
export const EMERGENCY_RETRO_HOURS = 72;

/**
 * Rule 7: the states in which an approved emergency change owes its retrospective sign-offs.
 * From approval on the change may reach a controller, and a failed or rolled-back attempt did,
 * so those still owe them (and may still be signed). Closing requires them, and a change
 * cancelled before its start touched nothing, so neither owes anything.
 */
export const OWING_STATES = [
  "approved",
  "in_progress",
  "implemented",
  "pssr_pending",
  "failed",
  "rolled_back",
] as const satisfies readonly ChangeState[];

export interface SignoffEvaluation {
  satisfied: { req: RequiredSignoff; signoff: SignoffFacts }[];
  missing: RequiredSignoff[];
  /** Current, non-superseded rejections by a required role. */
  rejected: SignoffFacts[];
  /** Current-round sign-offs an edit invalidated; kept visible, never counted. */
  superseded: SignoffFacts[];
  /** False as soon as anything is rejected, so the flag alone can never approve. */
  allPreStartSatisfied: boolean;
  overdueRetrospective: { req: RequiredSignoff; dueAt: Date }[];
}

export interface RetrospectiveTiming {
  now: Date;
  /** When the change entered 'approved'; null: the clock has not started. */
  approvedAt: Date | null;
  dueHours?: number;
}

export function signoffMatches(req: Pick<RequiredSignoff, "role" | "siteId">, s: SignoffFacts): boolean {
  return s.role === req.role && (req.siteId === null || s.siteId === req.siteId);
}

export function evaluateSignoffs(
  required: readonly RequiredSignoff[],
  signoffs: readonly SignoffFacts[],
  round: number,
  timing?: RetrospectiveTiming,
): SignoffEvaluation {
  const current = signoffs
    .filter((s) => s.round === round)
    .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());
  const valid = current.filter((s) => !s.superseded);

  const satisfied: SignoffEvaluation["satisfied"] = [];
  const missing: RequiredSignoff[] = [];
  for (const req of required) {
    const signoff = valid.find((s) => s.decision === "approve" && signoffMatches(req, s));
    if (signoff) satisfied.push({ req, signoff });
    else missing.push(req);
  }

  const rejected = valid.filter((s) => s.decision === "reject" && required.some((r) => signoffMatches(r, s)));
  const superseded = current.filter((s) => s.superseded);
  const allPreStartSatisfied = rejected.length === 0 && missing.every((r) => r.retrospectiveAllowed);

  const overdueRetrospective: SignoffEvaluation["overdueRetrospective"] = [];
  if (timing?.approvedAt) {
    const dueAt = new Date(
      timing.approvedAt.getTime() + (timing.dueHours ?? EMERGENCY_RETRO_HOURS) * 3_600_000,
    );
    if (timing.now.getTime() > dueAt.getTime()) {
      for (const req of missing) if (req.retrospectiveAllowed) overdueRetrospective.push({ req, dueAt });
    }
  }

  return { satisfied, missing, rejected, superseded, allPreStartSatisfied, overdueRetrospective };
}
