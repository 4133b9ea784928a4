import { describe, expect, it } from "vitest";
import {
  modelContentHash,
  modelContentIssues,
  modelGateReasons,
  outsideModel,
  usableForNewChanges,
  type ModelBoundAsset,
  type ModelBoundChange,
  type ModelContent,
  type ModelRef,
} from "./model";

const CONTENT: ModelContent = {
  title: "Antivirus signature update on a historian",
  description: "Load the vendor's current signature package.",
  changeTypes: ["security_patch", "configuration"],
  assetKinds: ["historian", "engineering_workstation"],
  criticalities: ["supporting", "production_critical"],
  maxDowntimeMinutes: 15,
  requiresTestBench: false,
  requiresVendorQualified: true,
  testEvidence: "Vendor qualification letter",
  implementationPlanTemplate: "1. Load the package.",
  backoutPlanTemplate: "1. Restore the previous package.",
};
const MODEL: ModelRef = { ...CONTENT, siteId: "s1", siteName: "Refinery", code: "SC-001", version: 2 };
const HIS: ModelBoundAsset = {
  tag: "HIS-01",
  siteId: "s1",
  kind: "historian",
  criticality: "supporting",
  safetyRelated: false,
};
const CHANGE: ModelBoundChange = {
  type: "security_patch",
  expectedDowntimeMinutes: 10,
  testedOnTestBench: false,
  vendorQualified: true,
  safetyImpact: "none",
  safetyBypassRequired: false,
  assets: [HIS],
};
const NAME = "SC-001 v2 “Antivirus signature update on a historian”";

describe("outsideModel: a change within its model (types, assets, downtime)", () => {
  it.each<[string, Partial<ModelBoundChange>, string[]]>([
    ["within the model", {}, []],
    ["downtime at the limit", { expectedDowntimeMinutes: 15 }, []],
    [
      "type not allowed",
      { type: "firmware_update" },
      [`Type Firmware update is not allowed by ${NAME} (it allows Security patch or Configuration change)`],
    ],
    [
      "downtime over the limit",
      { expectedDowntimeMinutes: 16 },
      [`Expected downtime 16 min exceeds the 15 min ${NAME} allows`],
    ],
    [
      "asset kind not covered",
      { assets: [{ ...HIS, tag: "PLC-1", kind: "plc" }] },
      [`PLC-1 is a PLC, which ${NAME} does not cover`],
    ],
    [
      "criticality not covered",
      { assets: [{ ...HIS, criticality: "safety_critical" }] },
      ["HIS-01 is safety-related; no standard change may touch it"],
    ],
    [
      "safety-related flag, whatever the model says",
      { assets: [{ ...HIS, safetyRelated: true }] },
      ["HIS-01 is safety-related; no standard change may touch it"],
    ],
    [
      "SIS kind",
      { assets: [{ ...HIS, kind: "sis_logic_solver" }] },
      ["HIS-01 is safety-related; no standard change may touch it"],
    ],
    [
      "asset at another site",
      { assets: [{ ...HIS, siteId: "s2" }] },
      [`HIS-01 is not at Refinery, the site of ${NAME}`],
    ],
    [
      "vendor qualification required",
      { vendorQualified: false },
      [`${NAME} requires a vendor-qualified fix`],
    ],
    [
      "safety impact",
      { safetyImpact: "possible" },
      ["A standard change may have no safety impact and need no safety-function bypass"],
    ],
    [
      "several at once, all listed",
      { type: "access", expectedDowntimeMinutes: 60 },
      [
        `Type Access change is not allowed by ${NAME} (it allows Security patch or Configuration change)`,
        `Expected downtime 60 min exceeds the 15 min ${NAME} allows`,
      ],
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(outsideModel({ ...CHANGE, ...overrides }, MODEL)).toEqual(expected);
  });

  it("requires a test bench when the model says so", () => {
    expect(outsideModel(CHANGE, { ...MODEL, requiresTestBench: true })).toEqual([
      `${NAME} requires the change to be tested on a test bench first`,
    ]);
    expect(
      outsideModel({ ...CHANGE, testedOnTestBench: true }, { ...MODEL, requiresTestBench: true }),
    ).toEqual([]);
  });
});

describe("modelContentIssues: never safety-related assets", () => {
  it.each<[string, Partial<ModelContent>, string[]]>([
    ["plain model", {}, []],
    ["SIS kind", { assetKinds: ["historian", "sis_logic_solver"] }, ["assetKinds"]],
    ["safety-critical criticality", { criticalities: ["safety_critical"] }, ["criticalities"]],
    [
      "both",
      { assetKinds: ["sis_logic_solver"], criticalities: ["safety_critical"] },
      ["assetKinds", "criticalities"],
    ],
  ])("%s", (_name, overrides, paths) => {
    expect(modelContentIssues({ ...CONTENT, ...overrides }).map((i) => i.path)).toEqual(paths);
  });
});

describe("usableForNewChanges", () => {
  it.each([
    ["approved", false, true],
    ["approved", true, false],
    ["proposed", false, false],
    ["rejected", false, false],
    ["superseded", false, false],
    ["retired", false, false],
  ] as const)("%s (model retired: %s) → %s", (state, retired, ok) => {
    expect(usableForNewChanges(state, retired).ok).toBe(ok);
  });
});

describe("modelGateReasons", () => {
  const std = { ...CHANGE, class: "standard", standardLegacy: false };
  const bound = { model: MODEL, state: "approved" as const, approvedAt: new Date("2026-12-01T10:00:00Z") };
  it.each<[string, typeof std, typeof bound | null, number]>([
    ["normal change: nothing to check", { ...std, class: "normal" }, null, 0],
    ["legacy standard change: not bound", { ...std, standardLegacy: true }, null, 0],
    ["standard without a model", std, null, 1],
    ["never approved", std, { ...bound, state: "proposed", approvedAt: null } as never, 1],
    ["approved and within", std, bound, 0],
    ["superseded after approval: may still run", std, { ...bound, state: "superseded" } as never, 0],
    ["retired after approval: may still run", std, { ...bound, state: "retired" } as never, 0],
    ["drifted outside", { ...std, expectedDowntimeMinutes: 120 }, bound, 1],
  ])("%s", (_name, change, binding, count) => {
    const reasons = modelGateReasons(change, binding);
    expect(reasons).toHaveLength(count);
    for (const r of reasons) expect(r.code).toBe("outside_model");
  });
});

describe("modelContentHash", () => {
  it("covers the content, the model and the version; list order means nothing", () => {
    const h = modelContentHash("m1", 1, CONTENT);
    expect(modelContentHash("m1", 1, { ...CONTENT, changeTypes: ["configuration", "security_patch"] })).toBe(
      h,
    );
    expect(modelContentHash("m1", 2, CONTENT)).not.toBe(h);
    expect(modelContentHash("m2", 1, CONTENT)).not.toBe(h);
    expect(modelContentHash("m1", 1, { ...CONTENT, maxDowntimeMinutes: 16 })).not.toBe(h);
    expect(modelContentHash("m1", 1, { ...CONTENT, backoutPlanTemplate: "x" })).not.toBe(h);
  });
});
