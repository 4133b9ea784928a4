// Risk is computed, never typed: a small additive points matrix that a change board
// can read and check by hand. The matrix is data so the UI and docs render exactly
// what the code applies.
//
// Exposure (issue 10) was added as the eighth factor: changing an asset that can be reached
// from the internet (+2) or through remote access (+1) adds risk, because a change that goes
// wrong there — a rule opened too wide, a service left enabled — is exposed at once. Isolated
// and plant-network assets add nothing, so every change scored before keeps its score unless
// it touches such an asset; the maximum rose from 15 to 17 and the thresholds are unchanged.
import type { Criticality, Exposure, RiskLevel } from "../constants";
import type { AssetFacts, ChangeFacts, RiskFactor, RiskResult } from "./types";
import { CRITICALITY_LABELS, EXPOSURE_LABELS } from "@/lib/domain/labels";
import { joinList } from "@/lib/domain/changes/wording";

export const DOWNTIME_THRESHOLD_MINUTES = 240;

export interface RiskMatrixOption {
  readonly value: string;
  readonly label: string;
  readonly points: number;
}

export interface RiskMatrixFactor {
  readonly factor: string;
  readonly label: string;
  readonly options: readonly RiskMatrixOption[];
}

export interface RiskThreshold {
  readonly level: RiskLevel;
  readonly min: number;
  /** Null: no upper bound. */
  readonly max: number | null;
}

export const RISK_MATRIX: {
  readonly factors: readonly RiskMatrixFactor[];
  readonly thresholds: readonly RiskThreshold[];
} = {
  factors: [
    {
      factor: "criticality",
      label: "Highest asset criticality",
      options: [
        { value: "safety_critical", label: "Safety-critical", points: 3 },
        { value: "production_critical", label: "Production-critical", points: 2 },
        { value: "supporting", label: "Supporting", points: 0 },
        { value: "none", label: "No affected assets", points: 0 },
      ],
    },
    {
      factor: "exposure",
      label: "Highest asset exposure",
      options: [
        { value: "internet_facing", label: EXPOSURE_LABELS.internet_facing, points: 2 },
        { value: "remote_access", label: EXPOSURE_LABELS.remote_access, points: 1 },
        { value: "plant_network", label: EXPOSURE_LABELS.plant_network, points: 0 },
        { value: "isolated", label: EXPOSURE_LABELS.isolated, points: 0 },
        { value: "none", label: "No affected assets", points: 0 },
      ],
    },
    {
      factor: "safety_impact",
      label: "Safety impact",
      options: [
        { value: "yes", label: "Yes", points: 3 },
        { value: "possible", label: "Possible", points: 2 },
        { value: "none", label: "None", points: 0 },
      ],
    },
    {
      factor: "safety_bypass",
      label: "Safety-function bypass",
      options: [
        { value: "required", label: "Required", points: 2 },
        { value: "not_required", label: "Not required", points: 0 },
      ],
    },
    {
      factor: "production_impact",
      label: "Production impact",
      options: [
        { value: "outage", label: "Outage", points: 2 },
        { value: "degraded", label: "Degraded", points: 1 },
        { value: "none", label: "None", points: 0 },
      ],
    },
    {
      factor: "downtime",
      label: "Expected downtime",
      options: [
        { value: "long", label: `More than ${DOWNTIME_THRESHOLD_MINUTES} minutes`, points: 1 },
        { value: "short", label: `${DOWNTIME_THRESHOLD_MINUTES} minutes or less`, points: 0 },
      ],
    },
    {
      factor: "testing",
      label: "Test evidence",
      options: [
        { value: "untested", label: "Neither tested on a test bench nor vendor-qualified", points: 2 },
        { value: "partly_tested", label: "Tested on a test bench or vendor-qualified, not both", points: 1 },
        { value: "tested", label: "Tested on a test bench and vendor-qualified", points: 0 },
      ],
    },
    {
      factor: "redundancy",
      label: "Redundancy",
      options: [
        { value: "lost", label: "Every member of a redundancy group is changed", points: 2 },
        { value: "kept", label: "No redundancy group is changed as a whole", points: 0 },
      ],
    },
  ],
  thresholds: [
    { level: "low", min: 0, max: 2 },
    { level: "medium", min: 3, max: 5 },
    { level: "high", min: 6, max: 8 },
    { level: "critical", min: 9, max: null },
  ],
};

export const RISK_MAX_SCORE = RISK_MATRIX.factors.reduce(
  (sum, f) => sum + Math.max(...f.options.map((o) => o.points)),
  0,
);

/** The change fields the risk matrix reads besides the assets. */
export type RiskContent = Pick<
  ChangeFacts,
  | "safetyImpact"
  | "safetyBypassRequired"
  | "productionImpact"
  | "expectedDowntimeMinutes"
  | "testedOnTestBench"
  | "vendorQualified"
>;

export interface RiskInput extends RiskContent {
  assets: readonly Pick<AssetFacts, "id" | "tag" | "criticality" | "exposure" | "redundancyGroup">[];
  /** Group name → every member asset id. Absent: membership unknown, redundancy treated as kept. */
  redundancyGroupMembers?: Readonly<Record<string, readonly string[]>>;
}

const CRITICALITY_RANK: readonly Criticality[] = ["safety_critical", "production_critical", "supporting"];
const EXPOSURE_RANK: readonly Exposure[] = ["internet_facing", "remote_access", "plant_network", "isolated"];

function option(factor: string, value: string): { row: RiskMatrixFactor; opt: RiskMatrixOption } {
  const row = RISK_MATRIX.factors.find((f) => f.factor === factor);
  const opt = row?.options.find((o) => o.value === value);
  if (!row || !opt) throw new Error(`Risk matrix has no option ${factor}=${value}`);
  return { row, opt };
}

function factor(name: string, value: string, detail?: string): RiskFactor {
  const { opt } = option(name, value);
  return { factor: name, value, points: opt.points, detail: detail ?? opt.label };
}

export function riskLevelForScore(score: number): RiskLevel {
  const t = RISK_MATRIX.thresholds.find((th) => score >= th.min && (th.max === null || score <= th.max));
  // Scores are never negative; guard anyway so a bad input can only err on the high side.
  return t?.level ?? "critical";
}

/**
 * Groups whose every known member is among the changed assets. A group of one counts:
 * changing its only member leaves nothing running in that group.
 */
export function lostRedundancyGroups(
  assetIds: readonly string[],
  redundancyGroupMembers: Readonly<Record<string, readonly string[]>> | undefined,
): string[] {
  if (!redundancyGroupMembers) return [];
  const changed = new Set(assetIds);
  return Object.entries(redundancyGroupMembers)
    .filter(([, members]) => members.length > 0 && members.every((m) => changed.has(m)))
    .map(([group]) => group)
    .sort();
}

/** The highest value of an asset attribute (rank lists highest first), naming the assets that have it. */
function highestAmongAssets<K extends "criticality" | "exposure">(
  key: K,
  rank: readonly RiskInput["assets"][number][K][],
  labels: Record<RiskInput["assets"][number][K], string>,
  assets: RiskInput["assets"],
): RiskFactor {
  const top = rank.find((v) => assets.some((a) => a[key] === v));
  if (top === undefined) return factor(key, "none");
  const tags = assets.filter((a) => a[key] === top).map((a) => a.tag);
  return factor(key, top, `${labels[top]} (${tags.join(", ")})`);
}

export function computeRisk(input: RiskInput): RiskResult {
  const factors: RiskFactor[] = [];

  factors.push(highestAmongAssets("criticality", CRITICALITY_RANK, CRITICALITY_LABELS, input.assets));
  factors.push(highestAmongAssets("exposure", EXPOSURE_RANK, EXPOSURE_LABELS, input.assets));

  factors.push(factor("safety_impact", input.safetyImpact));
  factors.push(factor("safety_bypass", input.safetyBypassRequired ? "required" : "not_required"));
  factors.push(factor("production_impact", input.productionImpact));
  factors.push(
    factor(
      "downtime",
      input.expectedDowntimeMinutes > DOWNTIME_THRESHOLD_MINUTES ? "long" : "short",
      `${input.expectedDowntimeMinutes} minutes`,
    ),
  );

  const evidence = Number(input.testedOnTestBench) + Number(input.vendorQualified);
  factors.push(factor("testing", evidence === 0 ? "untested" : evidence === 1 ? "partly_tested" : "tested"));

  const lost = lostRedundancyGroups(
    input.assets.map((a) => a.id),
    input.redundancyGroupMembers,
  );
  if (lost.length > 0) {
    const details = lost.map((g) => {
      const tags = input.assets.filter((a) => a.redundancyGroup === g).map((a) => a.tag);
      return tags.length > 0 ? `${g} (${tags.join(", ")})` : g;
    });
    factors.push(
      factor("redundancy", "lost", `All members of redundancy group ${joinList(details, "and")} changed`),
    );
  } else {
    factors.push(factor("redundancy", "kept"));
  }

  const score = factors.reduce((sum, f) => sum + f.points, 0);
  return { level: riskLevelForScore(score), score, factors };
}

/** Plain-language lines for the change page and the printable record. */
export function explainRisk(risk: RiskResult): string[] {
  const band = RISK_MATRIX.thresholds.find((t) => t.level === risk.level);
  const range = band ? (band.max === null ? `${band.min} or more` : `${band.min}–${band.max}`) : "";
  const lines = [
    `Risk is ${risk.level}: score ${risk.score} of ${RISK_MAX_SCORE} (${range} is ${risk.level}).`,
  ];
  const contributing = risk.factors.filter((f) => f.points > 0);
  if (contributing.length === 0) lines.push("No risk factor applies.");
  for (const f of contributing) {
    const label = RISK_MATRIX.factors.find((r) => r.factor === f.factor)?.label ?? f.factor;
    lines.push(`+${f.points} ${label}: ${f.detail}`);
  }
  return lines;
}
