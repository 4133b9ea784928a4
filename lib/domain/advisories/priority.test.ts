import { describe, expect, it } from "vitest";
import {
  advisoryPriority,
  cvssBand,
  priorityLevelForScore,
  PRIORITY_MATRIX,
  type PriorityInput,
} from "./priority";

const base: PriorityInput = {
  knownExploited: false,
  cvssBaseScore: 0,
  criticality: "supporting",
  safetyRelated: false,
  exposure: "isolated",
};

describe("advisoryPriority: each factor alone", () => {
  it.each<[string, Partial<PriorityInput>, string, string, number]>([
    ["known exploited", { knownExploited: true }, "known_exploited", "yes", 30],
    ["CVSS 10.0", { cvssBaseScore: 10 }, "cvss", "critical", 25],
    ["CVSS 9.0", { cvssBaseScore: 9 }, "cvss", "critical", 25],
    ["CVSS 8.9", { cvssBaseScore: 8.9 }, "cvss", "high", 18],
    ["CVSS 7.0", { cvssBaseScore: 7 }, "cvss", "high", 18],
    ["CVSS 6.9", { cvssBaseScore: 6.9 }, "cvss", "medium", 10],
    ["CVSS 4.0", { cvssBaseScore: 4 }, "cvss", "medium", 10],
    ["CVSS 3.9", { cvssBaseScore: 3.9 }, "cvss", "low", 4],
    ["CVSS 0.1", { cvssBaseScore: 0.1 }, "cvss", "low", 4],
    ["no CVSS score", { cvssBaseScore: null }, "cvss", "unscored", 10],
    ["internet-facing", { exposure: "internet_facing" }, "exposure", "internet_facing", 25],
    ["remote access", { exposure: "remote_access" }, "exposure", "remote_access", 18],
    ["plant network", { exposure: "plant_network" }, "exposure", "plant_network", 8],
    ["safety-critical", { criticality: "safety_critical" }, "criticality", "safety_critical", 15],
    ["production-critical", { criticality: "production_critical" }, "criticality", "production_critical", 10],
    ["safety-related", { safetyRelated: true }, "safety", "yes", 5],
  ])("%s", (_n, overrides, factor, value, points) => {
    const p = advisoryPriority({ ...base, ...overrides });
    const f = p.factors.find((x) => x.factor === factor);
    expect([f?.value, f?.points, p.score]).toEqual([value, points, points]);
  });
});

describe("advisoryPriority: combinations a plant sees", () => {
  it.each<[string, Partial<PriorityInput>, number, string]>([
    ["nothing applies", {}, 0, "low"],
    [
      "KEV, CVSS 9.8, internet-facing SIS",
      {
        knownExploited: true,
        cvssBaseScore: 9.8,
        exposure: "internet_facing",
        criticality: "safety_critical",
        safetyRelated: true,
      },
      100,
      "urgent",
    ],
    [
      "KEV, CVSS 7.8, plant network, production-critical",
      {
        knownExploited: true,
        cvssBaseScore: 7.8,
        exposure: "plant_network",
        criticality: "production_critical",
      },
      66,
      "high",
    ],
    [
      "CVSS 9.8 on a remote-access HMI, supporting",
      { cvssBaseScore: 9.8, exposure: "remote_access" },
      43,
      "medium",
    ],
    [
      "CVSS 9.8 on an isolated safety PLC",
      { cvssBaseScore: 9.8, criticality: "safety_critical", safetyRelated: true },
      45,
      "medium",
    ],
    [
      "CVSS 4.6, plant network, production-critical",
      { cvssBaseScore: 4.6, exposure: "plant_network", criticality: "production_critical" },
      28,
      "low",
    ],
    [
      "KEV on an isolated, unscored, supporting asset",
      { knownExploited: true, cvssBaseScore: null },
      40,
      "medium",
    ],
    [
      "KEV, CVSS 9.8, remote access, production-critical",
      {
        knownExploited: true,
        cvssBaseScore: 9.8,
        exposure: "remote_access",
        criticality: "production_critical",
      },
      83,
      "urgent",
    ],
  ])("%s → %i %s", (_n, overrides, score, level) => {
    const p = advisoryPriority({ ...base, ...overrides });
    expect([p.score, p.level]).toEqual([score, level]);
  });

  it("notes that an unknown match is ranked as if affected", () => {
    expect(advisoryPriority({ ...base, matchStatus: "unknown" }).note).toBe(
      "Ranked as if affected: whether the asset is affected has not been decided yet.",
    );
    expect(advisoryPriority({ ...base, matchStatus: "affected" }).note).toBeNull();
  });

  it("describes the score in the CVSS factor", () => {
    expect(advisoryPriority({ ...base, cvssBaseScore: 7.5 }).factors[1]!.detail).toBe(
      "CVSS high (7.0–8.9): 7.5",
    );
  });
});

describe("thresholds", () => {
  it.each([
    [0, "low"],
    [29, "low"],
    [30, "medium"],
    [49, "medium"],
    [50, "high"],
    [69, "high"],
    [70, "urgent"],
    [100, "urgent"],
  ] as const)("%i is %s", (score, level) => {
    expect(priorityLevelForScore(score)).toBe(level);
  });

  it("tops out at 100", () => {
    const max = [
      PRIORITY_MATRIX.knownExploited,
      PRIORITY_MATRIX.cvss,
      PRIORITY_MATRIX.exposure,
      PRIORITY_MATRIX.criticality,
      PRIORITY_MATRIX.safety,
    ].reduce((s, rows) => s + Math.max(...rows.map((r) => r.points)), 0);
    expect(max).toBe(100);
  });

  it.each([
    [Number.NaN, "unscored"],
    [0, "none"],
  ] as const)("CVSS %s is %s", (s, band) => {
    expect(cvssBand(s)).toBe(band);
  });
});
