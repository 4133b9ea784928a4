// What a signature approves. A sign-off records the hash of the content it saw; edits
// to that content invalidate it (PRODUCT.md "Electronic signatures").
import { createHash } from "node:crypto";
import type { ChangeClass, ChangeType, ProductionImpact, SafetyImpact, SignoffRole } from "../constants";
import { SIGNOFF_ROLES } from "../constants";
import type { SignoffFacts } from "./types";

/** Editing any of these changes what was approved: every sign-off is superseded. */
export const SCOPE_FIELDS = [
  "assetIds",
  "type",
  "class",
  "title",
  "description",
  "justification",
  "references",
  "implementationPlan",
  "backoutPlan",
  "safetyImpact",
  "safetyBypassRequired",
  "productionImpact",
  "expectedDowntimeMinutes",
  "testedOnTestBench",
  "vendorQualified",
  // The security approver judges the test evidence, so its notes are approved content too.
  "testNotes",
  // A temporary change's expiry (issue 15): extending it needs the same sign-offs as the original.
  "temporaryUntil",
  // The catalog model version a standard change follows (issue 15): the approvers judged the
  // change as that pre-approved kind of work, so naming another version is an edit of the scope.
  "standardModelVersionId",
] as const;

/** Moving the slot only concerns those who judged the timing. */
export const SLOT_FIELDS = ["plannedStart", "plannedEnd"] as const;

export const APPROVAL_CONTENT_FIELDS = [...SCOPE_FIELDS, ...SLOT_FIELDS] as const;
export type ApprovalContentField = (typeof APPROVAL_CONTENT_FIELDS)[number];

export const SLOT_SUPERSEDED_ROLES: readonly SignoffRole[] = ["operations", "change_board"];

export type SupersedeScope = "all" | "slot" | "none";

const scopeFields: ReadonlySet<string> = new Set(SCOPE_FIELDS);
const slotFields: ReadonlySet<string> = new Set(SLOT_FIELDS);

/**
 * Fields not listed (implementer, bookkeeping) never supersede: they do not change what the
 * approvers judged. The implementer is re-checked by the gate instead.
 */
export function supersedeOnEdit(changedFields: readonly string[]): SupersedeScope {
  if (changedFields.some((f) => scopeFields.has(f))) return "all";
  if (changedFields.some((f) => slotFields.has(f))) return "slot";
  return "none";
}

export function rolesSupersededBy(scope: SupersedeScope): readonly SignoffRole[] {
  if (scope === "all") return SIGNOFF_ROLES;
  if (scope === "slot") return SLOT_SUPERSEDED_ROLES;
  return [];
}

/**
 * Ids of the sign-offs an edit invalidates. Earlier rounds are left alone: they already
 * stopped counting when the round ended, and marking them "superseded by an edit" would
 * misstate the trail.
 */
export function signoffsToSupersede(
  signoffs: readonly SignoffFacts[],
  changedFields: readonly string[],
  round: number,
): string[] {
  const roles = rolesSupersededBy(supersedeOnEdit(changedFields));
  return signoffs
    .filter((s) => s.round === round && !s.superseded && roles.includes(s.role))
    .map((s) => s.id);
}

export interface ApprovalContent {
  assetIds: readonly string[];
  type: ChangeType;
  class: ChangeClass;
  title: string;
  description: string | null;
  justification: string | null;
  references: readonly string[];
  implementationPlan: string | null;
  backoutPlan: string | null;
  safetyImpact: SafetyImpact;
  safetyBypassRequired: boolean;
  productionImpact: ProductionImpact;
  expectedDowntimeMinutes: number;
  testedOnTestBench: boolean;
  vendorQualified: boolean;
  testNotes: string | null;
  /** Expiry of a temporary change; absent or null for a permanent one. */
  temporaryUntil?: Date | string | null;
  /** The catalog model version a standard change follows; absent or null when it names none. */
  standardModelVersionId?: string | null;
  /** A Date or an ISO string with offset; both hash as the same UTC instant. */
  plannedStart: Date | string | null;
  plannedEnd: Date | string | null;
}

function instant(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  const d = v instanceof Date ? v : new Date(String(v));
  // An unparseable value is hashed verbatim rather than dropped, so it still counts as content.
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}

function canonical(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, canonical(obj[k])]),
    );
  }
  return value;
}

function sortedUnique(values: readonly string[] | null | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}

/**
 * Which fields a recorded hash covers. Version 1 (sign-offs given before test notes became
 * approved content) hashed the scope without testNotes, plus the slot, as one hash. Version 2
 * records two hashes: the full one (scope and slot) and the scope part alone, so that a scope
 * role's signature, which a slot move does not supersede, can still be verified after one.
 */
export const CONTENT_HASH_VERSION = 2;
export type HashPart = "full" | "scope";

function fieldsOf(part: HashPart, version: number): readonly string[] | null {
  const scope =
    version === 1 ? SCOPE_FIELDS.filter((f) => f !== "testNotes") : version === 2 ? SCOPE_FIELDS : null;
  if (!scope) return null;
  if (part === "scope") return version === 1 ? null : scope;
  return [...scope, ...SLOT_FIELDS];
}

/**
 * The canonical JSON a signature covers: only the fields of `part` in hash `version` (extra
 * properties such as version or implementer are ignored), keys sorted, missing values as null,
 * instants as UTC ISO, asset ids and references as sorted sets (their order means nothing).
 */
export function canonicalApprovalContent(
  content: ApprovalContent,
  part: HashPart = "full",
  version = CONTENT_HASH_VERSION,
): string {
  const fields = fieldsOf(part, version);
  if (!fields) throw new RangeError(`No ${part} content hash in version ${version}`);
  const src = content as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = src[field];
  picked.assetIds = sortedUnique(content.assetIds);
  picked.references = sortedUnique(content.references);
  // Hashed only when set: a permanent change hashes as it did before expiries existed, so no
  // recorded signature changes meaning; making a change temporary (or moving its expiry) does.
  const until = instant(src.temporaryUntil);
  if (until === null) delete picked.temporaryUntil;
  else picked.temporaryUntil = until;
  // The same for the model version: a change naming no model hashes as before the catalog.
  if (!src.standardModelVersionId) delete picked.standardModelVersionId;
  if (fields.includes("plannedStart")) {
    picked.plannedStart = instant(src.plannedStart);
    picked.plannedEnd = instant(src.plannedEnd);
  }
  return JSON.stringify(canonical(picked));
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * SHA-256 hex of any approvable content as canonical JSON (keys sorted, missing as null): the same
 * hashing a change's signature uses, for other things a board signs (a catalog model version).
 */
export function canonicalHash(value: Record<string, unknown>): string {
  return sha256(JSON.stringify(canonical(value)));
}

/** SHA-256 hex of the full canonical content (scope and slot): what a change shows and a signer sends back. */
export function contentHash(content: ApprovalContent, version = CONTENT_HASH_VERSION): string {
  return sha256(canonicalApprovalContent(content, "full", version));
}

/** SHA-256 hex of the scope part alone (current version). */
export function scopeHash(content: ApprovalContent): string {
  return sha256(canonicalApprovalContent(content, "scope"));
}

export interface RecordedHashes {
  role: SignoffRole;
  contentHash: string;
  scopeHash: string | null;
  hashVersion: number;
}

/**
 * Whether a recorded signature covers this content: operations and the change board judged the
 * timing, so the full hash (scope and slot) must match; the other roles judged the scope, so the
 * scope part must. A version-1 row has only its full hash, which is checked for every role: a
 * legacy scope-role signature whose slot moved after signing no longer verifies and must be given
 * again (fail closed rather than trust bookkeeping the gate cannot check).
 */
export function signatureCoversContent(s: RecordedHashes, content: ApprovalContent): boolean {
  if (s.hashVersion !== 1 && s.hashVersion !== CONTENT_HASH_VERSION) return false;
  if (s.hashVersion === 1 || SLOT_SUPERSEDED_ROLES.includes(s.role)) {
    return s.contentHash === contentHash(content, s.hashVersion);
  }
  return s.scopeHash === scopeHash(content);
}
