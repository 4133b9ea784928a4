import { describe, expect, it } from "vitest";
import {
  changeListQuerySchema,
  closeChangeSchema,
  completeChangeSchema,
  createChangeSchema,
  instantSchema,
  referenceSchema,
  signoffInputSchema,
  updateChangeSchema,
} from "./changes";

const ASSET = "0b9c6c3e-4b4c-4d7e-9f59-1b2b3c4d5e6f";
const base = { type: "firmware_update", class: "normal", title: "Update", assetIds: [ASSET] };

describe("change input schemas", () => {
  it.each([
    ["CVE-2024-12345", "CVE-2024-12345"],
    ["cve-2021-44228", "CVE-2021-44228"],
    ["ICSA-24-123-01", "ICSA-24-123-01"],
    ["Siemens SSA-123456", "Siemens SSA-123456"],
  ])("accepts the reference %s", (input, out) => {
    expect(referenceSchema.parse(input)).toBe(out);
  });

  it.each(["CVE-24-1234", "CVE-2024-123", "cve-2024", "", "x".repeat(101), "two\nlines"])(
    "refuses the reference %j",
    (input) => {
      expect(referenceSchema.safeParse(input).success).toBe(false);
    },
  );

  it("caps references at 50 and drops duplicates", () => {
    expect(createChangeSchema.parse({ ...base, references: ["A", "A", "B"] }).references).toEqual(["A", "B"]);
    expect(
      createChangeSchema.safeParse({ ...base, references: Array.from({ length: 51 }, (_, i) => `REF-${i}`) })
        .success,
    ).toBe(false);
  });

  it.each([
    ["2027-03-14T08:00:00Z", "2027-03-14T08:00:00.000Z"],
    ["2027-03-14T08:00Z", "2027-03-14T08:00:00.000Z"],
    ["2027-03-14T03:00:00-05:00", "2027-03-14T08:00:00.000Z"],
    ["2027-03-14T09:00:00.5+0100", "2027-03-14T08:00:00.500Z"],
  ])("reads the instant %s as UTC", (input, iso) => {
    expect(instantSchema.parse(input).toISOString()).toBe(iso);
  });

  it.each(["2027-03-14T08:00", "2027-03-14", "tomorrow", "2027-13-45T08:00:00Z", 1700000000])(
    "refuses the instant %j",
    (input) => {
      expect(instantSchema.safeParse(input).success).toBe(false);
    },
  );

  it("applies defaults on create, and needs type, class, title and an asset", () => {
    const data = createChangeSchema.parse(base);
    expect(data).toMatchObject({
      references: [],
      expectedDowntimeMinutes: 0,
      productionImpact: "none",
      plannedStart: null,
      implementerEmail: null,
    });
    const missing = createChangeSchema.safeParse({});
    expect(missing.success ? [] : missing.error.issues.map((i) => i.path.join("."))).toEqual([
      "type",
      "class",
      "title",
      "assetIds",
    ]);
    expect(createChangeSchema.safeParse({ ...base, assetIds: [] }).success).toBe(false);
  });

  it("checks the slot order on create and on a partial edit", () => {
    const slot = { plannedStart: "2027-03-14T10:00:00Z", plannedEnd: "2027-03-14T10:00:00Z" };
    expect(createChangeSchema.safeParse({ ...base, ...slot }).success).toBe(false);
    expect(updateChangeSchema.safeParse(slot).success).toBe(false);
    expect(updateChangeSchema.parse({ title: "Only the title" })).toEqual({ title: "Only the title" });
  });

  it("needs a comment to reject, a password and the content hash shown to sign", () => {
    const contentHash = "a".repeat(64);
    expect(
      signoffInputSchema.safeParse({ role: "security", decision: "reject", password: "x", contentHash })
        .success,
    ).toBe(false);
    expect(
      signoffInputSchema.safeParse({ role: "security", decision: "approve", password: "", contentHash })
        .success,
    ).toBe(false);
    expect(
      signoffInputSchema.parse({
        role: "operations",
        siteCode: "gcr",
        decision: "approve",
        password: "x",
        contentHash,
      }).siteCode,
    ).toBe("GCR");
    const without = signoffInputSchema.safeParse({ role: "security", decision: "approve", password: "x" });
    expect(without.error?.issues.map((i) => i.path.join("."))).toEqual(["contentHash"]);
    expect(
      signoffInputSchema.safeParse({
        role: "security",
        decision: "approve",
        password: "x",
        contentHash: "abc",
      }).success,
    ).toBe(false);
  });

  it("needs notes for a failed or rolled-back outcome and both review confirmations to close", () => {
    expect(completeChangeSchema.safeParse({ outcome: "failed" }).success).toBe(false);
    expect(completeChangeSchema.safeParse({ outcome: "success" }).success).toBe(true);
    expect(
      closeChangeSchema.safeParse({ securityControlsVerified: true, baselineUpdated: false }).success,
    ).toBe(false);
    const dup = closeChangeSchema.safeParse({
      securityControlsVerified: true,
      baselineUpdated: true,
      baselineUpdates: [
        { assetId: ASSET, version: "1" },
        { assetId: ASSET, version: "2" },
      ],
    });
    expect(dup.success).toBe(false);
  });

  it("reads list filters from query strings", () => {
    const q = changeListQuerySchema.parse({
      state: "submitted,approved",
      risk: "",
      site: "gcr",
      limit: "20",
      sort: "",
      dir: "asc",
    });
    expect(q).toMatchObject({
      state: ["submitted", "approved"],
      site: "GCR",
      limit: 20,
      sort: "createdAt",
      dir: "asc",
    });
    expect(q.risk).toBeUndefined();
    expect(
      changeListQuerySchema.safeParse({ from: "2027-03-14T00:00:00Z", to: "2027-03-13T00:00:00Z" }).success,
    ).toBe(false);
    expect(changeListQuerySchema.safeParse({ limit: "501" }).success).toBe(false);
  });
});
