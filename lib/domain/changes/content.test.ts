import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import {
  APPROVAL_CONTENT_FIELDS,
  SCOPE_FIELDS,
  SLOT_SUPERSEDED_ROLES,
  canonicalApprovalContent,
  contentHash,
  scopeHash,
  signatureCoversContent,
  rolesSupersededBy,
  signoffsToSupersede,
  supersedeOnEdit,
  type ApprovalContent,
  type SupersedeScope,
} from "./content";
import { signoff } from "./test-fixtures";

describe("supersedeOnEdit", () => {
  it.each(SCOPE_FIELDS.map((f) => [f] as const))("scope field %s supersedes all", (field) => {
    expect(supersedeOnEdit([field])).toBe("all");
  });

  it.each<[string[], SupersedeScope]>([
    [["plannedStart"], "slot"],
    [["plannedEnd"], "slot"],
    [["plannedStart", "plannedEnd"], "slot"],
    [["plannedStart", "implementerId"], "slot"],
    [["plannedEnd", "assetIds"], "all"],
    [["testNotes", "title"], "all"],
    [["implementerId"], "none"],
    [["testNotes"], "all"],
    [["implementerId", "testNotes"], "all"],
    [[], "none"],
    [["version", "updatedAt"], "none"],
  ])("%j → %s", (fields, expected) => {
    expect(supersedeOnEdit(fields)).toBe(expected);
  });

  it("maps scopes to roles", () => {
    expect(SLOT_SUPERSEDED_ROLES).toEqual(["operations", "change_board"]);
    expect(rolesSupersededBy("slot")).toEqual(["operations", "change_board"]);
    expect(rolesSupersededBy("all")).toEqual([
      "operations",
      "security",
      "safety",
      "change_board",
      "quality",
      "pssr",
    ]);
    expect(rolesSupersededBy("none")).toEqual([]);
  });
});

describe("signoffsToSupersede", () => {
  const ops = signoff("operations", { id: "ops" });
  const sec = signoff("security", { id: "sec" });
  const board = signoff("change_board", { id: "board" });
  const done = signoff("operations", { id: "done", superseded: true });
  const old = signoff("security", { id: "old", round: 0 });
  const all = [ops, sec, board, done, old];

  it.each<[string[], string[]]>([
    [["title"], ["ops", "sec", "board"]],
    [["plannedStart"], ["ops", "board"]],
    [["implementerId"], []],
  ])("%j → %j", (fields, ids) => {
    expect(signoffsToSupersede(all, fields, 1)).toEqual(ids);
  });
});

const content: ApprovalContent = {
  assetIds: ["a2", "a1"],
  type: "firmware_update",
  class: "normal",
  title: "Update PLC-201A firmware",
  description: "V2.9 to V3.1",
  justification: "CVE-2027-1234",
  references: ["ICSA-27-001-01", "CVE-2027-1234"],
  implementationPlan: "Download via TIA Portal",
  backoutPlan: "Restore V2.9 image",
  safetyImpact: "none",
  safetyBypassRequired: false,
  productionImpact: "degraded",
  expectedDowntimeMinutes: 30,
  testedOnTestBench: true,
  vendorQualified: false,
  testNotes: "Bench test on the spare CPU passed",
  plannedStart: new Date("2027-03-14T08:00:00Z"),
  plannedEnd: new Date("2027-03-14T12:00:00Z"),
};

describe("contentHash", () => {
  it("hashes a documented canonical JSON, test notes included", () => {
    const json = canonicalApprovalContent(content);
    expect(json).toBe(
      '{"assetIds":["a1","a2"],"backoutPlan":"Restore V2.9 image","class":"normal","description":"V2.9 to V3.1",' +
        '"expectedDowntimeMinutes":30,"implementationPlan":"Download via TIA Portal","justification":"CVE-2027-1234",' +
        '"plannedEnd":"2027-03-14T12:00:00.000Z","plannedStart":"2027-03-14T08:00:00.000Z","productionImpact":"degraded",' +
        '"references":["CVE-2027-1234","ICSA-27-001-01"],"safetyBypassRequired":false,"safetyImpact":"none",' +
        '"testNotes":"Bench test on the spare CPU passed","testedOnTestBench":true,"title":"Update PLC-201A firmware",' +
        '"type":"firmware_update","vendorQualified":false}',
    );
    expect(contentHash(content)).toBe(createHash("sha256").update(json).digest("hex"));
    expect(contentHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("still computes version 1 (before test notes) exactly as sign-offs recorded it then", () => {
    const json = canonicalApprovalContent(content, "full", 1);
    expect(json).toBe(
      '{"assetIds":["a1","a2"],"backoutPlan":"Restore V2.9 image","class":"normal","description":"V2.9 to V3.1",' +
        '"expectedDowntimeMinutes":30,"implementationPlan":"Download via TIA Portal","justification":"CVE-2027-1234",' +
        '"plannedEnd":"2027-03-14T12:00:00.000Z","plannedStart":"2027-03-14T08:00:00.000Z","productionImpact":"degraded",' +
        '"references":["CVE-2027-1234","ICSA-27-001-01"],"safetyBypassRequired":false,"safetyImpact":"none",' +
        '"testedOnTestBench":true,"title":"Update PLC-201A firmware","type":"firmware_update","vendorQualified":false}',
    );
    expect(contentHash(content, 1)).toBe(createHash("sha256").update(json).digest("hex"));
    expect(contentHash({ ...content, testNotes: "other" }, 1)).toBe(contentHash(content, 1));
  });

  it("has a scope part without the slot", () => {
    const scope = JSON.parse(canonicalApprovalContent(content, "scope")) as Record<string, unknown>;
    // A permanent change leaves the expiry out of the hash (so older signatures keep verifying).
    expect(Object.keys(scope).sort()).toEqual(
      SCOPE_FIELDS.filter((f) => f !== "temporaryUntil" && f !== "standardModelVersionId").sort(),
    );
    expect(scopeHash({ ...content, plannedStart: new Date("2027-03-15T08:00:00Z") })).toBe(
      scopeHash(content),
    );
    expect(scopeHash({ ...content, testNotes: "changed" })).not.toBe(scopeHash(content));
  });

  it("covers the catalog model version when a change names one, and leaves other hashes as they were", () => {
    const v1 = "7d1f0c2e-0000-4000-8000-000000000001";
    const v2 = "7d1f0c2e-0000-4000-8000-000000000002";
    const standard = { ...content, class: "standard" as const, standardModelVersionId: v1 };
    expect(JSON.parse(canonicalApprovalContent(standard)).standardModelVersionId).toBe(v1);
    expect(contentHash({ ...content, standardModelVersionId: null })).toBe(contentHash(content));
    expect(scopeHash({ ...standard, standardModelVersionId: v2 })).not.toBe(scopeHash(standard));
    expect(supersedeOnEdit(["standardModelVersionId"])).toBe("all");
  });

  it("covers exactly the approval content fields, the expiry only on a temporary change", () => {
    const temporary = {
      ...content,
      temporaryUntil: "2027-03-20T08:00:00-05:00",
      standardModelVersionId: "7d1f0c2e-0000-4000-8000-000000000001",
    };
    expect(Object.keys(JSON.parse(canonicalApprovalContent(temporary))).sort()).toEqual(
      [...APPROVAL_CONTENT_FIELDS].sort(),
    );
    expect(JSON.parse(canonicalApprovalContent(temporary)).temporaryUntil).toBe("2027-03-20T13:00:00.000Z");
    expect(contentHash({ ...content, temporaryUntil: null })).toBe(contentHash(content));
    expect(contentHash(temporary)).not.toBe(contentHash(content));
    // Extending the expiry is an edit of the approved scope: every role's signature stops covering it.
    const extended = { ...temporary, temporaryUntil: "2027-03-27T13:00:00Z" };
    expect(scopeHash(extended)).not.toBe(scopeHash(temporary));
    expect(supersedeOnEdit(["temporaryUntil"])).toBe("all");
  });

  it.each<[string, ApprovalContent]>([
    [
      "reversed key order",
      Object.fromEntries(Object.entries(content).reverse()) as unknown as ApprovalContent,
    ],
    ["asset ids in another order, duplicated", { ...content, assetIds: ["a1", "a2", "a1"] }],
    ["references in another order", { ...content, references: ["CVE-2027-1234", "ICSA-27-001-01"] }],
    [
      "dates as ISO strings",
      { ...content, plannedStart: "2027-03-14T08:00:00Z", plannedEnd: "2027-03-14T12:00:00.000Z" },
    ],
    [
      "dates with an offset",
      { ...content, plannedStart: "2027-03-14T03:00:00-05:00", plannedEnd: "2027-03-14T13:00:00+01:00" },
    ],
    [
      "extra, non-approval fields",
      { ...content, implementerId: "u-1", version: 7 } as unknown as ApprovalContent,
    ],
  ])("is stable under %s", (_name, variant) => {
    expect(contentHash(variant)).toBe(contentHash(content));
  });

  const edits: [string, Partial<ApprovalContent>][] = [
    ["assetIds", { assetIds: ["a1"] }],
    ["type", { type: "configuration" }],
    ["class", { class: "emergency" }],
    ["title", { title: "Update PLC-201B firmware" }],
    ["description", { description: "V2.9 to V3.2" }],
    ["justification", { justification: null }],
    ["references", { references: ["CVE-2027-1234"] }],
    ["implementationPlan", { implementationPlan: "Download via Step 7" }],
    ["backoutPlan", { backoutPlan: "" }],
    ["safetyImpact", { safetyImpact: "possible" }],
    ["safetyBypassRequired", { safetyBypassRequired: true }],
    ["productionImpact", { productionImpact: "outage" }],
    ["expectedDowntimeMinutes", { expectedDowntimeMinutes: 31 }],
    ["testedOnTestBench", { testedOnTestBench: false }],
    ["vendorQualified", { vendorQualified: true }],
    ["testNotes", { testNotes: "Not tested" }],
    ["temporaryUntil", { temporaryUntil: new Date("2027-03-20T08:00:00Z") }],
    ["standardModelVersionId", { standardModelVersionId: "7d1f0c2e-0000-4000-8000-000000000001" }],
    ["plannedStart", { plannedStart: new Date("2027-03-14T08:00:01Z") }],
    ["plannedEnd", { plannedEnd: null }],
  ];

  it.each(edits)("changes when %s changes", (_field, patch) => {
    expect(contentHash({ ...content, ...patch })).not.toBe(contentHash(content));
  });

  it("tests an edit for every approval content field", () => {
    expect(edits.map(([f]) => f).sort()).toEqual([...APPROVAL_CONTENT_FIELDS].sort());
  });

  it("treats missing optional text as null", () => {
    const withUndefined = { ...content, description: undefined } as unknown as ApprovalContent;
    expect(contentHash(withUndefined)).toBe(contentHash({ ...content, description: null }));
  });
});

describe("signatureCoversContent", () => {
  const moved = { ...content, plannedStart: new Date("2027-03-15T08:00:00Z") };
  const edited = { ...content, implementationPlan: "Also bypass the SIS trip" };
  const v2 = (role: "operations" | "security" | "change_board") => ({
    role,
    contentHash: contentHash(content),
    scopeHash: scopeHash(content),
    hashVersion: 2,
  });

  it.each<[string, ReturnType<typeof v2>, ApprovalContent, boolean]>([
    ["security over the same content", v2("security"), content, true],
    ["security after a slot move (scope unchanged)", v2("security"), moved, true],
    ["security after a scope edit", v2("security"), edited, false],
    ["operations over the same content", v2("operations"), content, true],
    ["operations after a slot move", v2("operations"), moved, false],
    ["change board after a slot move", v2("change_board"), moved, false],
    ["a forged scope hash", { ...v2("security"), scopeHash: "0".repeat(64) }, content, false],
    ["an unknown hash version", { ...v2("security"), hashVersion: 3 }, content, false],
  ])("%s → %s", (_name, recorded, now, expected) => {
    expect(signatureCoversContent(recorded, now)).toBe(expected);
  });

  it("judges a version-1 row by the version-1 hash, so test notes added later do not break it", () => {
    const legacy = {
      role: "security" as const,
      contentHash: contentHash(content, 1),
      scopeHash: null,
      hashVersion: 1,
    };
    expect(signatureCoversContent(legacy, { ...content, testNotes: "" })).toBe(true);
    expect(signatureCoversContent({ ...legacy, role: "operations" }, content)).toBe(true);
    expect(signatureCoversContent(legacy, edited)).toBe(false);
    // Only the full hash was recorded: a legacy scope-role row fails closed after a slot move.
    expect(signatureCoversContent(legacy, moved)).toBe(false);
  });
});
