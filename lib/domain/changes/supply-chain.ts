// Supply-chain rules for changes that install vendor software (NERC CIP-010 R1.6).
import type { ChangeClass, ChangeType } from "../constants";

export const INSTALLS_VENDOR_SOFTWARE: ReadonlySet<ChangeType> = new Set([
  "security_patch",
  "firmware_update",
]);

/** A patch or firmware the vendor has not qualified is never pre-approved: it needs the full review. */
export function standardClassRefusal(c: {
  type: ChangeType;
  class: ChangeClass;
  vendorQualified: boolean;
}): string | null {
  if (c.class !== "standard" || !INSTALLS_VENDOR_SOFTWARE.has(c.type) || c.vendorQualified) return null;
  return "A patch or firmware update the vendor has not qualified cannot be a standard change; make it a normal change, or record that the vendor qualified it.";
}

export type IntegrityCheck =
  | { method: "sha256"; fileName: string; computedSha256: string; publishedSha256: string }
  | { method: "signature"; fileName: string; signatureValid: boolean; signatureDetail: string };

/**
 * Why an integrity check does not allow reporting the installation successful, or null when it
 * does: the computed SHA-256 must equal the vendor's published one (case-insensitively), or the
 * vendor's signature must have verified.
 */
export function integrityRefusal(check: IntegrityCheck): string | null {
  if (check.method === "sha256") {
    if (check.computedSha256.trim().toLowerCase() === check.publishedSha256.trim().toLowerCase()) return null;
    return `The SHA-256 of ${check.fileName} does not match the vendor's published value: do not report it installed. Obtain the file again from the vendor and check it before installing.`;
  }
  return check.signatureValid
    ? null
    : `The vendor signature of ${check.fileName} did not verify: do not report it installed. Obtain the file again from the vendor.`;
}
