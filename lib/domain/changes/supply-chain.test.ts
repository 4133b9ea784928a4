import { describe, expect, it } from "vitest";
import { integrityRefusal, standardClassRefusal } from "./supply-chain";

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
