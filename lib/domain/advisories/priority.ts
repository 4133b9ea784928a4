// How urgently an advisory's finding on one asset needs work, for OT: a points table a change
// board can check by hand, kept as data so pages and docs show exactly what the code applies.
//
//   factor            option                                   points
//   known exploited   in CISA's KEV catalog                    30
//                     not in the catalog                        0
//   CVSS v3 base      critical 9.0–10.0                        25
//                     high 7.0–8.9                             18
//                     medium 4.0–6.9                           10
//                     low 0.1–3.9                               4
//                     none 0.0                                  0
//                     not scored (treated as medium)           10
//   exposure          internet-facing                          25
//                     remote access                            18
//                     plant network                             8
//                     isolated                                  0
//   criticality       safety-critical                          15
//                     production-critical                      10
//                     supporting                                0
//   safety function   the asset is safety-related               5
//                     not safety-related                        0
//
//   score 0–100 → urgent ≥ 70, high 50–69, medium 30–49, low < 30.
//
// An unscored vulnerability counts as medium rather than zero so that a missing score never
// makes a finding look harmless; an "unknown" match is ranked like an affected one (a human
// still has to decide it) and says so in its factors.
import type { Criticality, Exposure } from "../constants";
import type { MatchStatus } from "./types";
import { CRITICALITY_LABELS, EXPOSURE_LABELS } from "@/lib/domain/labels";

export const PRIORITY_LEVELS = ["urgent", "high", "medium", "low"] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

export const PRIORITY_LEVEL_LABELS: Record<PriorityLevel, string> = {
  urgent: "Urgent",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export interface PriorityInput {
  knownExploited: boolean;
  /** The highest CVSS v3 base score among the vulnerabilities that concern the asset; null: none given. */
  cvssBaseScore: number | null;
  criticality: Criticality;
  safetyRelated: boolean;
  exposure: Exposure;
  /** Optional: an unknown match is ranked the same but the factors say it is not yet decided. */
  matchStatus?: MatchStatus;
}

export interface PriorityFactor {
  factor: "known_exploited" | "cvss" | "exposure" | "criticality" | "safety";
  value: string;
  points: number;
  detail: string;
}

export interface Priority {
  level: PriorityLevel;
  score: number;
  factors: PriorityFactor[];
  /** Set when the match is unknown: the ranking assumes the asset is affected. */
  note: string | null;
}

type Row = { value: string; label: string; points: number };

export const PRIORITY_MATRIX = {
  knownExploited: [
    { value: "yes", label: "In CISA's Known Exploited Vulnerabilities catalog", points: 30 },
    { value: "no", label: "Not known to be exploited", points: 0 },
  ],
  cvss: [
    { value: "critical", label: "CVSS critical (9.0–10.0)", points: 25 },
    { value: "high", label: "CVSS high (7.0–8.9)", points: 18 },
    { value: "medium", label: "CVSS medium (4.0–6.9)", points: 10 },
    { value: "low", label: "CVSS low (0.1–3.9)", points: 4 },
    { value: "none", label: "CVSS none (0.0)", points: 0 },
    { value: "unscored", label: "No CVSS score given (counted as medium)", points: 10 },
  ],
  exposure: [
    { value: "internet_facing", label: EXPOSURE_LABELS.internet_facing, points: 25 },
    { value: "remote_access", label: EXPOSURE_LABELS.remote_access, points: 18 },
    { value: "plant_network", label: EXPOSURE_LABELS.plant_network, points: 8 },
    { value: "isolated", label: EXPOSURE_LABELS.isolated, points: 0 },
  ],
  criticality: [
    { value: "safety_critical", label: CRITICALITY_LABELS.safety_critical, points: 15 },
    { value: "production_critical", label: CRITICALITY_LABELS.production_critical, points: 10 },
    { value: "supporting", label: CRITICALITY_LABELS.supporting, points: 0 },
  ],
  safety: [
    { value: "yes", label: "Safety-related asset", points: 5 },
    { value: "no", label: "Not safety-related", points: 0 },
  ],
  thresholds: [
    { level: "urgent", min: 70 },
    { level: "high", min: 50 },
    { level: "medium", min: 30 },
    { level: "low", min: 0 },
  ],
} as const satisfies Record<string, readonly Row[] | readonly { level: PriorityLevel; min: number }[]>;

export const CVSS_BANDS = ["critical", "high", "medium", "low", "none", "unscored"] as const;
export type CvssBand = (typeof CVSS_BANDS)[number];

/** CVSS v3's qualitative severity ratings, in words. */
export const CVSS_BAND_LABELS: Record<CvssBand, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  none: "None",
  unscored: "Not scored",
};

export function cvssBand(score: number | null): CvssBand {
  if (score === null || !Number.isFinite(score)) return "unscored";
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "none";
}

function row(rows: readonly Row[], value: string): Row {
  const r = rows.find((x) => x.value === value);
  if (!r) throw new Error(`Priority matrix has no option ${value}`);
  return r;
}

export function priorityLevelForScore(score: number): PriorityLevel {
  return PRIORITY_MATRIX.thresholds.find((t) => score >= t.min)?.level ?? "low";
}

export function advisoryPriority(input: PriorityInput): Priority {
  const m = PRIORITY_MATRIX;
  const ke = row(m.knownExploited, input.knownExploited ? "yes" : "no");
  const cv = row(m.cvss, cvssBand(input.cvssBaseScore));
  const ex = row(m.exposure, input.exposure);
  const cr = row(m.criticality, input.criticality);
  const sf = row(m.safety, input.safetyRelated ? "yes" : "no");
  const factors: PriorityFactor[] = [
    { factor: "known_exploited", value: ke.value, points: ke.points, detail: ke.label },
    {
      factor: "cvss",
      value: cv.value,
      points: cv.points,
      detail: input.cvssBaseScore === null ? cv.label : `${cv.label}: ${input.cvssBaseScore.toFixed(1)}`,
    },
    { factor: "exposure", value: ex.value, points: ex.points, detail: ex.label },
    { factor: "criticality", value: cr.value, points: cr.points, detail: cr.label },
    { factor: "safety", value: sf.value, points: sf.points, detail: sf.label },
  ];
  const score = factors.reduce((s, f) => s + f.points, 0);
  return {
    level: priorityLevelForScore(score),
    score,
    factors,
    note:
      input.matchStatus === "unknown"
        ? "Ranked as if affected: whether the asset is affected has not been decided yet."
        : null,
  };
}
