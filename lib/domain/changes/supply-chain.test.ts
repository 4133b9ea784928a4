import { describe, expect, it } from "vitest";
import {
  acknowledgedMeaning,
  completionIntegrityRefusal,
  gateWarnings,
  integrityRefusal,
  integritySummary,
  signingWarnings,
  standardClassRefusal,
} from "./supply-chain";
import type { SignoffFacts } from "./types";

const A = "a".repeat(64);

describe("standardClassRefusal", () => {
  it.each([
    ["security_patch", "standard", false, true],
    ["firmware_update", "standard", false, true],
    ["security_patch", "standard", true, false],
    ["security_patch", "normal", false, false],
    ["firmware_update", "emergency", false, false],
    ["configuration", "standard", false, false],
    ["firewall_rule", "standard", false, false],
  ] as const)("%s as %s, vendor-qualified %s → refused %s", (type, cls, vendorQualified, refused) => {
    expect(standardClassRefusal({ type, class: cls, vendorQualified }) !== null).toBe(refused);
  });
});

describe("integrityRefusal", () => {
  it("accepts an equal SHA-256 whatever the letter case", () => {
    expect(
      integrityRefusal({
        method: "sha256",
        fileName: "fw.bin",
        computedSha256: A,
        publishedSha256: A.toUpperCase(),
      }),
    ).toBeNull();
  });
  it("refuses a mismatch, naming the file", () => {
    const r = integrityRefusal({
      method: "sha256",
      fileName: "fw.bin",
      computedSha256: A,
      publishedSha256: "b".repeat(64),
    });
    expect(r).toMatch(/SHA-256 of fw\.bin does not match/);
  });
  it("follows the vendor signature check", () => {
    const base = { method: "signature" as const, fileName: "patch.msi", signatureDetail: "Authenticode" };
    expect(integrityRefusal({ ...base, signatureValid: true })).toBeNull();
    expect(integrityRefusal({ ...base, signatureValid: false })).toMatch(/did not verify/);
  });
});

describe("completionIntegrityRefusal", () => {
  const good = { method: "sha256" as const, fileName: "fw.bin", computedSha256: A, publishedSha256: A };
  const bad = { ...good, publishedSha256: "b".repeat(64) };
  const unsigned = {
    method: "signature" as const,
    fileName: "p.msi",
    signatureValid: false,
    signatureDetail: "x",
  };
  it.each([
    ["security_patch", "success", null, "integrity_missing", "integrity"],
    ["firmware_update", "success", null, "integrity_missing", "integrity"],
    ["firmware_update", "success", good, null, null],
    ["security_patch", "success", bad, "integrity_mismatch", "integrity.publishedSha256"],
    ["firmware_update", "success", unsigned, "integrity_mismatch", "integrity.signatureValid"],
    ["firmware_update", "failed", null, null, null],
    ["firmware_update", "rolled_back", bad, null, null],
    ["security_patch", "failed", unsigned, null, null],
    ["configuration", "success", null, null, null],
    ["firewall_rule", "success", bad, null, null],
  ] as const)("%s reported %s with %j → %s", (type, outcome, check, code, path) => {
    const r = completionIntegrityRefusal(type, outcome, check);
    expect(r?.code ?? null).toBe(code);
    expect(r?.path ?? null).toBe(path);
  });
  it("says what to record when the check is missing", () => {
    expect(completionIntegrityRefusal("firmware_update", "success", null)?.message).toMatch(
      /Record the integrity check of what was installed/,
    );
  });
});

describe("integritySummary", () => {
  it.each([
    [
      { method: "sha256", fileName: "fw.bin", computedSha256: A, publishedSha256: A },
      "fw.bin: SHA-256 matches the vendor's published value",
    ],
    [
      { method: "sha256", fileName: "fw.bin", computedSha256: A, publishedSha256: "c".repeat(64) },
      "fw.bin: SHA-256 does not match the vendor's published value",
    ],
    [
      {
        method: "signature",
        fileName: "p.msi",
        signatureValid: true,
        signatureDetail: "Authenticode, Siemens AG",
      },
      "p.msi: vendor signature verified (Authenticode, Siemens AG)",
    ],
    [
      { method: "signature", fileName: "p.msi", signatureValid: false, signatureDetail: "GPG" },
      "p.msi: vendor signature did not verify (GPG)",
    ],
  ] as const)("%j", (check, line) => {
    expect(integritySummary(check)).toBe(line);
  });
});

describe("signingWarnings", () => {
  it.each([
    ["firmware_update", false, "security", "approve", ["vendor_not_qualified"]],
    ["security_patch", false, "security", "approve", ["vendor_not_qualified"]],
    ["security_patch", true, "security", "approve", []],
    ["security_patch", false, "security", "reject", []],
    ["security_patch", false, "operations", "approve", []],
    ["firmware_update", false, "safety", "approve", []],
    ["firmware_update", false, "change_board", "approve", []],
    ["configuration", false, "security", "approve", []],
    ["firewall_rule", false, "security", "approve", []],
  ] as const)("%s, vendor-qualified %s, %s %s → %j", (type, vendorQualified, role, decision, codes) => {
    expect(signingWarnings({ type, vendorQualified }, role, decision).map((w) => w.code)).toEqual(codes);
  });
  it("tells the security approver what the warning means", () => {
    expect(
      signingWarnings({ type: "firmware_update", vendorQualified: false }, "security", "approve")[0]?.message,
    ).toBe(
      "The vendor has not qualified this patch or firmware for these assets: it has not been confirmed to work on this hardware and configuration. Approve only if the test-bench evidence and the backout plan cover the risk.",
    );
  });
});

describe("acknowledgedMeaning", () => {
  it("adds the acknowledgement to the signature's meaning, and nothing otherwise", () => {
    expect(acknowledgedMeaning("Approved as IT/OT security authority", ["vendor_not_qualified"])).toBe(
      "Approved as IT/OT security authority, acknowledging that the vendor has not qualified the fix",
    );
    expect(acknowledgedMeaning("Approved as IT/OT security authority", [])).toBe(
      "Approved as IT/OT security authority",
    );
  });
});

describe("gateWarnings", () => {
  const at = new Date("2026-12-02T03:00:00Z");
  const security = (over: Partial<SignoffFacts> = {}): SignoffFacts => ({
    id: "s1",
    role: "security",
    siteId: null,
    decision: "approve",
    signerId: "u1",
    signerName: "Sam Security",
    signedAt: at,
    round: 2,
    superseded: false,
    retrospective: false,
    contentHash: "h",
    scopeHash: "h",
    hashVersion: 2,
    acknowledged: ["vendor_not_qualified"],
    ...over,
  });
  const change = { type: "firmware_update" as const, vendorQualified: false, approvalRound: 2 };

  it("warns of nothing for a qualified fix or another type", () => {
    expect(gateWarnings({ ...change, vendorQualified: true }, [security()])).toEqual([]);
    expect(gateWarnings({ ...change, type: "configuration" }, [])).toEqual([]);
  });
  it("names the security approver who acknowledged it in the current round", () => {
    expect(gateWarnings(change, [security()])).toEqual([
      {
        code: "vendor_not_qualified",
        message:
          "The vendor has not qualified this patch or firmware for these assets: it has not been confirmed to work on this hardware and configuration; Sam Security acknowledged this when signing for security",
        data: { acknowledged: true, signoffId: "s1" },
      },
    ]);
  });
  it.each([
    ["no sign-off", []],
    ["an earlier round's", [security({ round: 1 })]],
    ["a superseded one", [security({ superseded: true })]],
    ["a rejection", [security({ decision: "reject" })]],
    ["one without the acknowledgement", [security({ acknowledged: [] })]],
    ["another role's", [security({ role: "operations" })]],
  ] as const)("still asks for the acknowledgement with %s", (_label, signoffs) => {
    const [w] = gateWarnings(change, signoffs);
    expect(w?.data).toEqual({ acknowledged: false, signoffId: null });
    expect(w?.message).toMatch(/the security approver must acknowledge this when signing$/);
  });
});
