import type { ComplianceReport } from "@/lib/types/compliance";

export interface PeriodParams {
  site: string;
  from: string;
  to: string;
}

const query = (p: PeriodParams, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ ...p, ...extra }).filter(([, v]) => v !== "")).toString();

export const dashboardHref = (p: PeriodParams) => `/compliance?${query(p)}`;
export const figureHref = (p: PeriodParams, figure: string) => `/compliance/changes?${query(p, { figure })}`;
export const evidenceHref = (p: PeriodParams) => `/api/v1/evidence?${query(p)}`;

const FIXED: Record<string, string> = {
  started: "Changes started (from the audit trail)",
  "started.with": "Started with every required sign-off",
  "started.without": "Started without every required sign-off",
  "started.mismatch": "Trail and change table disagree",
  refusal: "Changes the gate refused to start",
  emergency: "Emergency changes approved",
  "emergency.on_time": "Emergency changes: retrospective sign-off on time",
  "emergency.late": "Emergency changes: retrospective sign-off given late",
  "emergency.overdue": "Emergency changes: retrospective sign-off overdue",
  "emergency.pending": "Emergency changes: retrospective sign-off not yet due",
  pssr: "Awaiting the pre-startup safety review",
  baseline: "Baseline updated more than 30 days after implementation (CIP-010 R1.3)",
  "lead.approval": "Approved in the period (submit to fully approved)",
  "lead.start": "Started in the period (approved to started)",
};

/** The figure's name in words, for the list of its changes. */
export function figureLabel(report: ComplianceReport, figure: string): string | null {
  if (FIXED[figure]) return FIXED[figure];
  const buckets = [...report.gateRefusals.byReason, ...report.byType, ...report.byRisk, ...report.byOutcome];
  const b = buckets.find((x) => x.figure === figure);
  if (!b) return null;
  const kind = figure.split(".")[0];
  const prefix =
    kind === "refusal" ? "Gate refused" : kind === "type" ? "Type" : kind === "risk" ? "Risk" : "Outcome";
  return `${prefix}: ${b.label}`;
}
