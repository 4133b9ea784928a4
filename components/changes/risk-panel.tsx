"use client";
// Live risk and required sign-offs for the form: the same pure rules the services apply,
// run on the unsaved values so the requester sees who must sign before saving.
import { CheckCircle2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { RISK_MATRIX, type RiskContent } from "@/lib/domain/changes/risk";
import { assetFacts, groupMembersOf, riskOfContent } from "@/lib/domain/changes/facts";
import { pssrRequired, requiredSignoffs, standardClassIssues } from "@/lib/domain/changes/policy";
import type { ChangeFacts } from "@/lib/domain/changes/types";
import { RiskBadge } from "./badges";
import type { PickedAsset } from "./picked-asset";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

/** What the form feeds the live preview: the risk matrix's fields, and type and class for the sign-off rules. */
export type RiskInputs = RiskContent & Pick<ChangeFacts, "type" | "class">;

export function liveAssessment(values: RiskInputs, assets: readonly PickedAsset[]) {
  const members = groupMembersOf(assets);
  const facts = assets.map(assetFacts);
  const downtime = Number.isFinite(values.expectedDowntimeMinutes)
    ? Math.max(0, values.expectedDowntimeMinutes)
    : 0;
  const risk = riskOfContent({ ...values, expectedDowntimeMinutes: downtime }, assets, members);
  const change: ChangeFacts = {
    ...values,
    expectedDowntimeMinutes: downtime,
    id: "draft",
    state: "draft",
    requesterId: "",
    scopeEditorIds: [],
    implementerId: null,
    plannedStart: null,
    plannedEnd: null,
    approvalRound: 1,
    approvedAt: null,
    assets: facts,
  };
  return {
    risk,
    required: requiredSignoffs(change, risk),
    pssr: pssrRequired(change),
    standardIssues: standardClassIssues(change, risk),
  };
}

export function RiskPanel({ values, assets }: { values: RiskInputs; assets: readonly PickedAsset[] }) {
  const { risk, required, pssr, standardIssues } = liveAssessment(values, assets);
  return (
    <div className="space-y-4 text-sm" aria-live="polite" aria-atomic="false">
      <section aria-labelledby="live-risk-heading" className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <h2 id="live-risk-heading" className="text-sm font-semibold text-slate-900">
            Computed risk
          </h2>
          <span data-testid="live-risk">
            <RiskBadge risk={risk.level} />
          </span>
        </div>
        <p className="text-xs text-slate-600">
          Score {risk.score}. Thresholds:{" "}
          {RISK_MATRIX.thresholds
            .map((t) => `${t.level} ${t.max === null ? `${t.min}+` : `${t.min}–${t.max}`}`)
            .join(", ")}
          .
        </p>
        <table className="w-full text-xs">
          <caption className="sr-only">Risk factors</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 font-medium">
                Factor
              </th>
              <th scope="col" className="py-1 font-medium">
                Value
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {risk.factors.map((f) => (
              <tr key={f.factor} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                  {RISK_MATRIX.factors.find((r) => r.factor === f.factor)?.label ?? f.factor}
                </th>
                <td className="py-1 pr-2 text-slate-900">{f.detail}</td>
                <td
                  className={
                    f.points > 0
                      ? "py-1 text-right font-semibold text-slate-900"
                      : "py-1 text-right text-slate-600"
                  }
                >
                  +{f.points}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="live-signoffs-heading" className="space-y-2">
        <h2 id="live-signoffs-heading" className="text-sm font-semibold text-slate-900">
          Required sign-offs
        </h2>
        {assets.length === 0 ? (
          <p className="text-xs text-slate-600">Pick affected assets to see which sites must sign.</p>
        ) : null}
        <ul className="space-y-1.5" data-testid="live-required-signoffs">
          {required.map((r) => (
            <li key={`${r.role}:${r.siteId ?? "any"}`} className="flex items-start gap-2">
              <CheckCircle2 className="mt-0.5 size-3.5 shrink-0 text-slate-500" aria-hidden="true" />
              <span>
                <span className="font-medium text-slate-900">
                  {SIGNOFF_ROLE_LABELS[r.role]}
                  {r.siteCode ? ` (${r.siteCode})` : ""}
                </span>
                {r.retrospectiveAllowed ? (
                  <Badge tone="amber" className="ml-1">
                    within 72 h
                  </Badge>
                ) : null}
                <span className="block text-xs text-slate-600">{r.reason}</span>
              </span>
            </li>
          ))}
          {pssr ? (
            <li className="flex items-start gap-2">
              <CheckCircle2 className="mt-0.5 size-3.5 shrink-0 text-slate-500" aria-hidden="true" />
              <span>
                <span className="font-medium text-slate-900">PSSR</span>
                <span className="block text-xs text-slate-600">
                  Pre-startup safety review by safety after implementation, before closing
                </span>
              </span>
            </li>
          ) : null}
        </ul>
        {standardIssues.length > 0 ? (
          <ul className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
            {standardIssues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

/** One line for narrow screens, where the full panel sits below the form. */
export function RiskSummary({ values, assets }: { values: RiskInputs; assets: readonly PickedAsset[] }) {
  const { risk, required, pssr } = liveAssessment(values, assets);
  const names = required.map((r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`);
  if (pssr) names.push("PSSR");
  return (
    <p className="sticky top-0 z-20 flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs text-slate-700 shadow-sm lg:hidden">
      <RiskBadge risk={risk.level} />
      <span>Sign-offs: {names.join(", ")}</span>
      <a href="#live-risk-heading">Details</a>
    </p>
  );
}
