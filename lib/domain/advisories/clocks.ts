// NERC CIP-007 R2 patch-evaluation clocks for one advisory at one site. Pure: `now` is a parameter.
import { DateTime } from "luxon";

/** CIP-007 R2.2 and R2.3: 35 calendar days for each step. */
export const EVALUATION_DAYS = 35;

export const REVIEW_STATUSES = ["decision_due", "open", "mitigated", "resolved", "not_applicable"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  decision_due: "Applicability decision due",
  open: "Applicable, fix or plan due",
  mitigated: "Mitigation plan in force",
  resolved: "Fix installed",
  not_applicable: "Not applicable",
};

export interface SiteReviewFacts {
  importedAt: Date;
  timeZone: string;
  applicable: boolean | null;
  decidedAt: Date | null;
  planTargetDate: Date | null;
  /** Closed changes of this advisory at the site that install the fix (patch or firmware). */
  closedFixChanges: number;
}

export interface SiteClock {
  status: ReviewStatus;
  /** What is due next, and when; null once nothing more is due. */
  due: { what: "decision" | "fix_or_plan" | "plan_target"; at: Date } | null;
  overdue: boolean;
}

/** 35 calendar days later on the plant's clock (the same local time, across DST). */
export function addEvaluationDays(from: Date, timeZone: string, days = EVALUATION_DAYS): Date {
  const local = DateTime.fromJSDate(from, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(from, { zone: "UTC" })).plus({ days }).toJSDate();
}

export function siteClock(f: SiteReviewFacts, now: Date): SiteClock {
  const late = (at: Date) => now.getTime() > at.getTime();
  if (f.applicable === false) return { status: "not_applicable", due: null, overdue: false };
  if (f.applicable === null || !f.decidedAt) {
    const at = addEvaluationDays(f.importedAt, f.timeZone);
    return { status: "decision_due", due: { what: "decision", at }, overdue: late(at) };
  }
  if (f.closedFixChanges > 0) return { status: "resolved", due: null, overdue: false };
  if (f.planTargetDate)
    return {
      status: "mitigated",
      due: { what: "plan_target", at: f.planTargetDate },
      overdue: late(f.planTargetDate),
    };
  const at = addEvaluationDays(f.decidedAt, f.timeZone);
  return { status: "open", due: { what: "fix_or_plan", at }, overdue: late(at) };
}

const SEVERITY: Record<ReviewStatus, number> = {
  decision_due: 4,
  open: 3,
  mitigated: 2,
  resolved: 1,
  not_applicable: 0,
};

/** The advisory as a whole: its most pressing site (overdue first, then by status, then soonest due). */
export function worstClock(clocks: SiteClock[]): SiteClock | null {
  return (
    [...clocks].sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        SEVERITY[b.status] - SEVERITY[a.status] ||
        (a.due?.at.getTime() ?? Infinity) - (b.due?.at.getTime() ?? Infinity),
    )[0] ?? null
  );
}
