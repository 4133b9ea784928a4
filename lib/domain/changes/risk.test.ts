import { describe, it, expect } from "vitest";
import {
  RISK_MATRIX,
  RISK_MAX_SCORE,
  computeRisk,
  explainRisk,
  lostRedundancyGroups,
  riskLevelForScore,
  type RiskInput,
} from "./risk";
import { asset } from "./test-fixtures";

const A1 = asset({ id: "a1", tag: "PLC-201A", redundancyGroup: "FCC" });
const A2 = asset({ id: "a2", tag: "PLC-201B", redundancyGroup: "FCC" });

function input(overrides: Partial<RiskInput> = {}): RiskInput {
  return {
    assets: [asset()],
    safetyImpact: "none",
    safetyBypassRequired: false,
    productionImpact: "none",
    expectedDowntimeMinutes: 0,
    testedOnTestBench: true,
    vendorQualified: true,
    ...overrides,
  };
}

function points(result: ReturnType<typeof computeRisk>): Record<string, number> {
  return Object.fromEntries(result.factors.map((f) => [f.factor, f.points]));
}

describe("computeRisk: baseline", () => {
  it("scores a supporting, tested, impact-free change 0 (low) and lists every factor", () => {
    expect(computeRisk(input())).toEqual({
      level: "low",
      score: 0,
      factors: [
        { factor: "criticality", value: "supporting", points: 0, detail: "Supporting (PLC-101)" },
        { factor: "exposure", value: "plant_network", points: 0, detail: "Plant network (PLC-101)" },
        { factor: "safety_impact", value: "none", points: 0, detail: "None" },
        { factor: "safety_bypass", value: "not_required", points: 0, detail: "Not required" },
        { factor: "production_impact", value: "none", points: 0, detail: "None" },
        { factor: "downtime", value: "short", points: 0, detail: "0 minutes" },
        {
          factor: "testing",
          value: "tested",
          points: 0,
          detail: "Tested on a test bench and vendor-qualified",
        },
        {
          factor: "redundancy",
          value: "kept",
          points: 0,
          detail: "No redundancy group is changed as a whole",
        },
      ],
    });
  });

  it("scores a change without assets on the remaining factors", () => {
    const r = computeRisk(input({ assets: [] }));
    expect(r.factors[0]).toEqual({
      factor: "criticality",
      value: "none",
      points: 0,
      detail: "No affected assets",
    });
    expect(r.score).toBe(0);
  });
});

describe("computeRisk: each factor alone", () => {
  it.each<[string, Partial<RiskInput>, string, string, number]>([
    [
      "safety-critical asset",
      { assets: [asset({ criticality: "safety_critical" })] },
      "criticality",
      "safety_critical",
      3,
    ],
    [
      "production-critical asset",
      { assets: [asset({ criticality: "production_critical" })] },
      "criticality",
      "production_critical",
      2,
    ],
    ["supporting asset", { assets: [asset({ criticality: "supporting" })] }, "criticality", "supporting", 0],
    [
      "internet-facing asset",
      { assets: [asset({ exposure: "internet_facing" })] },
      "exposure",
      "internet_facing",
      2,
    ],
    [
      "remote-access asset",
      { assets: [asset({ exposure: "remote_access" })] },
      "exposure",
      "remote_access",
      1,
    ],
    ["isolated asset", { assets: [asset({ exposure: "isolated" })] }, "exposure", "isolated", 0],
    ["safety impact yes", { safetyImpact: "yes" }, "safety_impact", "yes", 3],
    ["safety impact possible", { safetyImpact: "possible" }, "safety_impact", "possible", 2],
    ["safety bypass required", { safetyBypassRequired: true }, "safety_bypass", "required", 2],
    ["production outage", { productionImpact: "outage" }, "production_impact", "outage", 2],
    ["production degraded", { productionImpact: "degraded" }, "production_impact", "degraded", 1],
    ["downtime 240 min (boundary, not over)", { expectedDowntimeMinutes: 240 }, "downtime", "short", 0],
    ["downtime 241 min", { expectedDowntimeMinutes: 241 }, "downtime", "long", 1],
    [
      "untested and not vendor-qualified",
      { testedOnTestBench: false, vendorQualified: false },
      "testing",
      "untested",
      2,
    ],
    ["bench-tested only", { testedOnTestBench: true, vendorQualified: false }, "testing", "partly_tested", 1],
    [
      "vendor-qualified only",
      { testedOnTestBench: false, vendorQualified: true },
      "testing",
      "partly_tested",
      1,
    ],
    [
      "whole redundancy group changed",
      { assets: [A1, A2], redundancyGroupMembers: { FCC: ["a1", "a2"] } },
      "redundancy",
      "lost",
      2,
    ],
  ])("%s", (_name, overrides, factorName, value, pts) => {
    const r = computeRisk(input(overrides));
    const f = r.factors.find((x) => x.factor === factorName);
    expect(f?.value).toBe(value);
    expect(f?.points).toBe(pts);
    expect(r.score).toBe(pts);
    expect(Object.values(points(r)).filter((p) => p > 0)).toEqual(pts > 0 ? [pts] : []);
  });

  it("takes the highest criticality among assets and names its assets", () => {
    const r = computeRisk(
      input({
        assets: [
          asset({ id: "x", tag: "HIS-1" }),
          asset({ id: "y", tag: "PLC-7", criticality: "production_critical" }),
          asset({ id: "z", tag: "PLC-8", criticality: "production_critical" }),
        ],
      }),
    );
    expect(r.factors[0]).toEqual({
      factor: "criticality",
      value: "production_critical",
      points: 2,
      detail: "Production-critical (PLC-7, PLC-8)",
    });
  });
});

describe("redundancy", () => {
  it.each<[string, string[], Record<string, string[]> | undefined, string[]]>([
    ["every member changed", ["a1", "a2"], { FCC: ["a1", "a2"] }, ["FCC"]],
    ["one member of two changed", ["a1"], { FCC: ["a1", "a2"] }, []],
    ["membership unknown", ["a1", "a2"], undefined, []],
    ["group of one changed", ["a1"], { SOLO: ["a1"] }, ["SOLO"]],
    ["empty group ignored", ["a1"], { EMPTY: [] }, []],
    [
      "two groups, both whole, sorted",
      ["b1", "b2", "a1", "a2"],
      { ZED: ["b1", "b2"], FCC: ["a1", "a2"] },
      ["FCC", "ZED"],
    ],
    ["two groups, one whole", ["a1", "a2", "b1"], { FCC: ["a1", "a2"], ZED: ["b1", "b2"] }, ["FCC"]],
  ])("%s", (_name, ids, members, expected) => {
    expect(lostRedundancyGroups(ids, members)).toEqual(expected);
  });

  it("adds 2 points once even when two groups are lost, naming them", () => {
    const r = computeRisk(
      input({
        assets: [A1, A2, asset({ id: "b1", tag: "SW-1", redundancyGroup: "NET" })],
        redundancyGroupMembers: { FCC: ["a1", "a2"], NET: ["b1"] },
      }),
    );
    expect(r.factors[7]).toEqual({
      factor: "redundancy",
      value: "lost",
      points: 2,
      detail: "All members of redundancy group FCC (PLC-201A, PLC-201B) and NET (SW-1) changed",
    });
    expect(r.score).toBe(2);
  });

  it("treats redundancy as kept when only part of the group is in the change", () => {
    const r = computeRisk(input({ assets: [A1], redundancyGroupMembers: { FCC: ["a1", "a2"] } }));
    expect(points(r).redundancy).toBe(0);
  });
});

describe("exposure", () => {
  it("takes the most exposed asset and names it, whatever the order", () => {
    const r = computeRisk(
      input({
        assets: [
          asset({ id: "x", tag: "PLC-1", exposure: "isolated" }),
          asset({ id: "y", tag: "RTU-7", exposure: "remote_access" }),
          asset({ id: "z", tag: "RTU-8", exposure: "remote_access" }),
          asset({ id: "w", tag: "HIS-1", exposure: "plant_network" }),
        ],
      }),
    );
    expect(r.factors[1]).toEqual({
      factor: "exposure",
      value: "remote_access",
      points: 1,
      detail: "Remote access (RTU-7, RTU-8)",
    });
    expect(r.score).toBe(1);
  });

  it("scores nothing for a change without assets", () => {
    expect(computeRisk(input({ assets: [] })).factors[1]).toEqual({
      factor: "exposure",
      value: "none",
      points: 0,
      detail: "No affected assets",
    });
  });

  it("explains an internet-facing asset", () => {
    const r = computeRisk(input({ assets: [asset({ tag: "FW-DMZ1", exposure: "internet_facing" })] }));
    expect(explainRisk(r)).toEqual([
      "Risk is low: score 2 of 17 (0–2 is low).",
      "+2 Highest asset exposure: Internet-facing (FW-DMZ1)",
    ]);
  });

  it("moves a borderline change up a band: medium 5 + internet-facing = high 7", () => {
    const base = input({ safetyImpact: "yes", productionImpact: "outage" });
    expect([computeRisk(base).score, computeRisk(base).level]).toEqual([5, "medium"]);
    const exposed = computeRisk({ ...base, assets: [asset({ exposure: "internet_facing" })] });
    expect([exposed.score, exposed.level]).toEqual([7, "high"]);
  });
});

describe("thresholds", () => {
  it.each([
    [0, "low"],
    [1, "low"],
    [2, "low"],
    [3, "medium"],
    [4, "medium"],
    [5, "medium"],
    [6, "high"],
    [7, "high"],
    [8, "high"],
    [9, "critical"],
    [12, "critical"],
    [15, "critical"],
  ] as const)("score %i is %s", (score, level) => {
    expect(riskLevelForScore(score)).toBe(level);
  });

  it.each<[number, string, Partial<RiskInput>]>([
    [2, "low", { productionImpact: "outage" }],
    [3, "medium", { safetyImpact: "yes" }],
    [5, "medium", { safetyImpact: "yes", productionImpact: "outage" }],
    [6, "high", { safetyImpact: "yes", assets: [asset({ criticality: "safety_critical" })] }],
    [
      8,
      "high",
      {
        safetyImpact: "yes",
        safetyBypassRequired: true,
        assets: [asset({ criticality: "safety_critical" })],
      },
    ],
    [
      9,
      "critical",
      {
        safetyImpact: "yes",
        safetyBypassRequired: true,
        productionImpact: "degraded",
        assets: [asset({ criticality: "safety_critical" })],
      },
    ],
  ])("computed score %i is %s", (score, level, overrides) => {
    const r = computeRisk(input(overrides));
    expect([r.score, r.level]).toEqual([score, level]);
  });

  it("reaches the documented maximum of 17", () => {
    const r = computeRisk({
      assets: [
        asset({ id: "a1", tag: "SIS-1A", criticality: "safety_critical", redundancyGroup: "SIS" }),
        asset({
          id: "a2",
          tag: "SIS-1B",
          criticality: "safety_critical",
          redundancyGroup: "SIS",
          exposure: "internet_facing",
        }),
      ],
      safetyImpact: "yes",
      safetyBypassRequired: true,
      productionImpact: "outage",
      expectedDowntimeMinutes: 480,
      testedOnTestBench: false,
      vendorQualified: false,
      redundancyGroupMembers: { SIS: ["a1", "a2"] },
    });
    expect(r.score).toBe(17);
    expect(RISK_MAX_SCORE).toBe(17);
    expect(r.level).toBe("critical");
  });

  it("has contiguous thresholds starting at 0 with an open top band", () => {
    expect(RISK_MATRIX.thresholds.map((t) => [t.level, t.min, t.max])).toEqual([
      ["low", 0, 2],
      ["medium", 3, 5],
      ["high", 6, 8],
      ["critical", 9, null],
    ]);
  });
});

describe("explainRisk", () => {
  it("lists the contributing factors in plain language", () => {
    const r = computeRisk(
      input({
        assets: [asset({ tag: "SIS-101", criticality: "safety_critical" })],
        safetyImpact: "possible",
        testedOnTestBench: false,
      }),
    );
    expect(explainRisk(r)).toEqual([
      "Risk is high: score 6 of 17 (6–8 is high).",
      "+3 Highest asset criticality: Safety-critical (SIS-101)",
      "+2 Safety impact: Possible",
      "+1 Test evidence: Tested on a test bench or vendor-qualified, not both",
    ]);
  });

  it("says so when nothing contributes", () => {
    expect(explainRisk(computeRisk(input()))).toEqual([
      "Risk is low: score 0 of 17 (0–2 is low).",
      "No risk factor applies.",
    ]);
  });

  it("describes the open top band", () => {
    expect(explainRisk({ level: "critical", score: 10, factors: [] })[0]).toBe(
      "Risk is critical: score 10 of 17 (9 or more is critical).",
    );
  });
});
