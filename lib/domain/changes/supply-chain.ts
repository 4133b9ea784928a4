// Supply-chain rules for changes that install vendor software (NERC CIP-010 R1.6).
import type { ChangeClass, ChangeType, Outcome, SignoffDecision, SignoffRole } from "../constants";
import type { SignoffFacts } from "./types";

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

/** Why reporting this outcome needs something more, or null: where in the form, and what to say. */
export interface CompletionIntegrityRefusal {
  code: "integrity_missing" | "integrity_mismatch";
  path: string;
  message: string;
}

/**
 * CIP-010 R1.6 at completion: a patch or firmware change is reported successful only with an
 * integrity check of what was installed, and only when that check passed. A failed or rolled-back
 * outcome may carry a check (a mismatch is often why it failed) but never needs one.
 */
export function completionIntegrityRefusal(
  type: ChangeType,
  outcome: Outcome,
  check: IntegrityCheck | null,
): CompletionIntegrityRefusal | null {
  if (outcome !== "success" || !INSTALLS_VENDOR_SOFTWARE.has(type)) return null;
  if (!check) {
    return {
      code: "integrity_missing",
      path: "integrity",
      message:
        "Record the integrity check of what was installed (file name and SHA-256 against the vendor's published value, or the vendor signature check) before reporting a patch or firmware update successful.",
    };
  }
  const mismatch = integrityRefusal(check);
  if (!mismatch) return null;
  return {
    code: "integrity_mismatch",
    path: check.method === "sha256" ? "integrity.publishedSha256" : "integrity.signatureValid",
    message: mismatch,
  };
}

/** One line for a page, the record PDF and the history: what was checked and how it came out. */
export function integritySummary(check: IntegrityCheck): string {
  if (check.method === "sha256") {
    return integrityRefusal(check) === null
      ? `${check.fileName}: SHA-256 matches the vendor's published value`
      : `${check.fileName}: SHA-256 does not match the vendor's published value`;
  }
  return `${check.fileName}: vendor signature ${check.signatureValid ? "verified" : "did not verify"} (${check.signatureDetail})`;
}

/** Warnings a signer must acknowledge to give a sign-off; recorded with the signature. */
export const SIGNING_ACKNOWLEDGEMENTS = ["vendor_not_qualified"] as const;
export type SigningAcknowledgement = (typeof SIGNING_ACKNOWLEDGEMENTS)[number];

export interface SupplyChainWarning {
  code: SigningAcknowledgement;
  message: string;
}

type VendorFacts = { type: ChangeType; vendorQualified: boolean };
const unqualified = (c: VendorFacts) => INSTALLS_VENDOR_SOFTWARE.has(c.type) && !c.vendorQualified;

const NOT_QUALIFIED =
  "The vendor has not qualified this patch or firmware for these assets: it has not been confirmed to work on this hardware and configuration";

/**
 * What this sign-off must acknowledge: the security approver approves an unqualified patch or
 * firmware only knowingly. Other roles and rejections acknowledge nothing.
 */
export function signingWarnings(
  c: VendorFacts,
  role: SignoffRole,
  decision: SignoffDecision,
): SupplyChainWarning[] {
  if (role !== "security" || decision !== "approve" || !unqualified(c)) return [];
  return [
    {
      code: "vendor_not_qualified",
      message: `${NOT_QUALIFIED}. Approve only if the test-bench evidence and the backout plan cover the risk.`,
    },
  ];
}

/** The words a signature's meaning gains for what the signer acknowledged. */
export function acknowledgedMeaning(
  meaning: string,
  acknowledged: readonly SigningAcknowledgement[],
): string {
  return acknowledged.includes("vendor_not_qualified")
    ? `${meaning}, acknowledging that the vendor has not qualified the fix`
    : meaning;
}

export interface GateWarning {
  code: SigningAcknowledgement;
  message: string;
  data: { acknowledged: boolean; signoffId: string | null };
}

/**
 * Warnings the gate shows without refusing: an unqualified fix, and whether the security
 * approver of the current round acknowledged it (the sign-off cannot be given otherwise).
 */
export function gateWarnings(
  c: VendorFacts & { approvalRound: number },
  signoffs: readonly SignoffFacts[],
): GateWarning[] {
  if (!unqualified(c)) return [];
  const ack = signoffs.find(
    (s) =>
      s.round === c.approvalRound &&
      !s.superseded &&
      s.role === "security" &&
      s.decision === "approve" &&
      s.acknowledged?.includes("vendor_not_qualified"),
  );
  const message = ack
    ? `${NOT_QUALIFIED}; ${ack.signerName ?? "the security approver"} acknowledged this when signing for security`
    : `${NOT_QUALIFIED}; the security approver must acknowledge this when signing`;
  return [
    {
      code: "vendor_not_qualified",
      message,
      data: { acknowledged: Boolean(ack), signoffId: ack?.id ?? null },
    },
  ];
}
