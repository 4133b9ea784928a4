import { describe, it, expect } from "vitest";
import {
  EMERGENCY_RETRO_HOURS,
  POLICY_RULES,
  pssrRequired,
  requiredSignoffs,
  retrospectiveDueAt,
  standardClassIssues,
} from "./policy";
import type { ChangeFacts, RequiredSignoff, RiskResult } from "./types";
import { CHM, CHM_PLC, GXP, PLC, REF, SIS, asset, change, risk } from "./test-fixtures";

/** "role@SITE" with a "~" suffix for retrospective sign-offs: compact and exact. */
function summary(reqs: RequiredSignoff[]): string[] {
  return reqs.map(
    (r) => `${r.role}${r.siteCode ? `@${r.siteCode}` : ""}${r.retrospectiveAllowed ? "~" : ""}`,
  );
}

describe("requiredSignoffs: rules alone and combined", () => {
  it.each<[string, Partial<ChangeFacts>, RiskResult, string[]]>([
    ["normal, one site, low risk: operations + security", {}, risk("low"), ["operations@REF", "security"]],
    [
      "multi-site: operations of each site, by site code",
      { assets: [PLC, CHM_PLC] },
      risk("low"),
      ["operations@CHM", "operations@REF", "security"],
    ],
    [
      "two assets at one site: one operations",
      { assets: [PLC, asset({ id: "a2", tag: "PLC-102" })] },
      risk("low"),
      ["operations@REF", "security"],
    ],
    ["SIS asset: + safety", { assets: [SIS] }, risk("medium"), ["operations@REF", "security", "safety"]],
    [
      "safety impact possible: + safety",
      { safetyImpact: "possible" },
      risk("low"),
      ["operations@REF", "security", "safety"],
    ],
    [
      "safety impact yes: + safety",
      { safetyImpact: "yes" },
      risk("medium"),
      ["operations@REF", "security", "safety"],
    ],
    [
      "bypass needed: + safety",
      { safetyBypassRequired: true },
      risk("low"),
      ["operations@REF", "security", "safety"],
    ],
    ["GxP asset: + quality", { assets: [GXP] }, risk("low"), ["operations@CHM", "security", "quality"]],
    ["medium risk: no change board", {}, risk("medium", 5), ["operations@REF", "security"]],
    ["high risk: + change board", {}, risk("high", 6), ["operations@REF", "security", "change_board"]],
    [
      "critical risk: + change board",
      {},
      risk("critical", 9),
      ["operations@REF", "security", "change_board"],
    ],
    [
      "everything at once",
      { assets: [PLC, SIS, GXP], safetyBypassRequired: true },
      risk("critical", 11),
      ["operations@CHM", "operations@REF", "security", "safety", "change_board", "quality"],
    ],
    ["standard: security only", { class: "standard" }, risk("low"), ["security"]],
    [
      "standard ignores GxP and high risk",
      { class: "standard", assets: [GXP] },
      risk("high", 7),
      ["security"],
    ],
    [
      "standard never skips safety",
      { class: "standard", assets: [SIS] },
      risk("medium"),
      ["security", "safety"],
    ],
    [
      "emergency, low: operations + security",
      { class: "emergency" },
      risk("low"),
      ["operations@REF", "security"],
    ],
    [
      "emergency, SIS: safety before start",
      { class: "emergency", assets: [SIS] },
      risk("medium"),
      ["operations@REF", "security", "safety"],
    ],
    [
      "emergency, high, GxP: board and quality retrospective",
      { class: "emergency", assets: [SIS, GXP] },
      risk("high", 8),
      ["operations@CHM", "operations@REF", "security", "safety", "change_board~", "quality~"],
    ],
  ])("%s", (_name, overrides, r, expected) => {
    expect(summary(requiredSignoffs(change(overrides), r))).toEqual(expected);
  });

  it("gives site ids for operations and null for the other roles", () => {
    const reqs = requiredSignoffs(change({ assets: [PLC, CHM_PLC, SIS] }), risk("high", 7));
    expect(reqs.map((r) => [r.role, r.siteId])).toEqual([
      ["operations", CHM.siteId],
      ["operations", REF.siteId],
      ["security", null],
      ["safety", null],
      ["change_board", null],
    ]);
  });

  it("numbers the rules 1–5 in the PRODUCT.md order", () => {
    expect(POLICY_RULES.map((r) => [r.rule, r.role])).toEqual([
      [1, "operations"],
      [2, "security"],
      [3, "safety"],
      [4, "change_board"],
      [5, "quality"],
    ]);
  });
});

describe("requiredSignoffs: plain-language reasons", () => {
  it("explains each requirement", () => {
    const reqs = requiredSignoffs(
      change({ assets: [PLC, asset({ id: "a2", tag: "PLC-102" }), SIS, GXP] }),
      risk("high", 7),
    );
    expect(reqs.map((r) => r.reason)).toEqual([
      "Operations at Chemicals (CHM): affects PLC-301",
      "Operations at Refinery (REF): affects PLC-101, PLC-102 and SIS-101",
      "Every change is reviewed by IT/OT security",
      "Safety-related asset SIS-101 (Triconex)",
      "Risk is high (score 7)",
      "GxP-regulated asset PLC-301 (Filler)",
    ]);
  });

  it("joins several safety triggers", () => {
    const sis2 = asset({ id: "s2", tag: "BMS-1", safetyRelated: true });
    const [safety] = requiredSignoffs(
      change({
        class: "standard",
        assets: [SIS, sis2],
        safetyImpact: "possible",
        safetyBypassRequired: true,
      }),
      risk("high"),
    ).filter((r) => r.role === "safety");
    expect(safety?.reason).toBe(
      "Safety-related assets SIS-101 (Triconex) and BMS-1; safety impact assessed as possible; a safety-function bypass is required",
    );
  });

  it("says when an emergency sign-off may come later", () => {
    const reqs = requiredSignoffs(change({ class: "emergency", assets: [GXP] }), risk("critical", 9));
    expect(reqs.filter((r) => r.retrospectiveAllowed).map((r) => r.reason)).toEqual([
      "Risk is critical (score 9) (emergency: may be signed within 72 h after approval)",
      "GxP-regulated asset PLC-301 (Filler) (emergency: may be signed within 72 h after approval)",
    ]);
  });

  it("names the standard model for security", () => {
    expect(requiredSignoffs(change({ class: "standard" }), risk("low"))[0]?.reason).toBe(
      "Standard change: pre-approved model, reviewed by IT/OT security only",
    );
  });
});

describe("pssrRequired", () => {
  it.each<[string, Partial<ChangeFacts>, boolean]>([
    ["plain change", {}, false],
    ["SIS asset", { assets: [SIS] }, true],
    ["safety impact possible", { safetyImpact: "possible" }, true],
    ["safety impact yes", { safetyImpact: "yes" }, true],
    ["bypass", { safetyBypassRequired: true }, true],
    ["GxP only", { assets: [GXP] }, false],
    ["standard with SIS", { class: "standard", assets: [SIS] }, true],
  ])("%s → %s", (_name, overrides, expected) => {
    expect(pssrRequired(change(overrides))).toBe(expected);
  });
});

describe("retrospectiveDueAt", () => {
  const approvedAt = new Date("2027-03-14T08:00:00Z");
  it.each<[string, Partial<ChangeFacts>, string | null]>([
    ["emergency, approved", { class: "emergency", approvedAt }, "2027-03-17T08:00:00.000Z"],
    ["emergency, not yet approved", { class: "emergency", approvedAt: null }, null],
    ["normal, approved", { class: "normal", approvedAt }, null],
    ["standard, approved", { class: "standard", approvedAt }, null],
  ])("%s", (_name, overrides, expected) => {
    expect(retrospectiveDueAt(change(overrides))?.toISOString() ?? null).toBe(expected);
  });

  it("is 72 hours", () => {
    expect(EMERGENCY_RETRO_HOURS).toBe(72);
  });
});

describe("standardClassIssues", () => {
  it.each<[string, Partial<ChangeFacts>, RiskResult, string[]]>([
    ["normal class is never flagged", { assets: [SIS] }, risk("critical", 12), []],
    ["low-risk standard change is fine", { class: "standard" }, risk("low", 1), []],
    [
      "standard with medium risk",
      { class: "standard" },
      risk("medium", 3),
      ["A standard change must be low-risk, but the computed risk is medium (score 3); use the normal class"],
    ],
    [
      "standard on a SIS",
      { class: "standard", assets: [SIS] },
      risk("low", 2),
      [
        "A standard change may not be safety-relevant (safety-related asset SIS-101 (Triconex)); use the normal class",
      ],
    ],
  ])("%s", (_name, overrides, r, expected) => {
    expect(standardClassIssues(change(overrides), r)).toEqual(expected);
  });
});
