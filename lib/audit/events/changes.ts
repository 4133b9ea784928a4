import { z } from "zod";
import {
  CHANGE_CLASSES,
  CHANGE_STATES,
  CHANGE_TYPES,
  OUTCOMES,
  PRODUCTION_IMPACTS,
  RISK_LEVELS,
  SAFETY_IMPACTS,
  SIGNOFF_DECISIONS,
  SIGNOFF_ROLES,
} from "@/lib/domain/constants";
import { EXTENSION_STATES } from "@/lib/domain/constants";
import { changed, event, id, instant, text } from "./define";

const version = z.number().int().positive();
const state = z.enum(CHANGE_STATES);
const risk = z.enum(RISK_LEVELS);
const round = z.number().int().nonnegative();
const requirement = z.strictObject({ role: z.enum(SIGNOFF_ROLES), siteCode: z.string().nullable() });

/** The editable content of a change as the trail records it (services/changes/internal/resolve-input). */
const content = {
  type: z.enum(CHANGE_TYPES),
  class: z.enum(CHANGE_CLASSES),
  title: text,
  description: text,
  justification: text,
  references: z.array(z.string()),
  assetIds: z.array(id),
  implementationPlan: text,
  backoutPlan: text,
  testedOnTestBench: z.boolean(),
  vendorQualified: z.boolean(),
  testNotes: text,
  expectedDowntimeMinutes: z.number().int().nonnegative(),
  productionImpact: z.enum(PRODUCTION_IMPACTS),
  safetyImpact: z.enum(SAFETY_IMPACTS),
  safetyBypassRequired: z.boolean(),
  plannedStart: instant.nullable(),
  plannedEnd: instant.nullable(),
  implementerEmail: z.string().nullable(),
  followsChangeId: id.nullable(),
  /** Absent on events from before temporary changes existed. */
  temporaryUntil: instant.nullable().optional(),
  /** Absent in events from before the catalog. */
  standardModelVersionId: id.nullable().optional(),
};

/** The integrity check of what was installed (CIP-010 R1.6), and whether it passed. */
const integrity = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("sha256"),
    fileName: z.string(),
    computedSha256: z.string(),
    publishedSha256: z.string(),
    passed: z.boolean(),
  }),
  z.strictObject({
    method: z.literal("signature"),
    fileName: z.string(),
    signatureValid: z.boolean(),
    signatureDetail: z.string(),
    passed: z.boolean(),
  }),
]);

/** Every transition records the state it left and, after it, the number and new state. */
const left = z.strictObject({ state, version });
const entered = <S extends z.ZodRawShape>(details: S) =>
  z.strictObject({ number: z.string(), state, version, ...details });

/** Changes, their sign-offs and the deployment gate. */
export const CHANGE_EVENTS = {
  "change.create": event("change", {
    after: z.strictObject({ number: z.string(), state, risk, ...content, revertsChangeId: id.optional() }),
  }),
  "change.update": event("change", {
    before: changed({ ...content, risk, state }).extend({ version }),
    after: changed({ ...content, risk, state }).extend({ version }),
  }),
  "change.submit": event("change", {
    before: left,
    after: entered({ round, risk, required: z.array(requirement) }),
  }),
  "change.approve": event("change", {
    before: left,
    after: entered({ round, retrospectiveOwed: z.array(z.string()) }),
  }),
  "change.reject": event("change", {
    before: left,
    after: entered({ round, rejectedBy: z.array(id) }),
  }),
  "change.revise": event("change", {
    before: left,
    after: entered({ fromRound: round, round, newRound: z.boolean() }),
  }),
  "change.cancel": event("change", { before: left, after: entered({}) }),
  "change.start": event("change", {
    before: left,
    // What the start relied on, so the trail alone can be checked against its signatures.
    after: entered({
      round,
      contentHash: z.string(),
      scopeHash: z.string(),
      hashVersion: z.number().int(),
      siteIds: z.array(id),
      required: z.array(requirement),
    }),
  }),
  "change.complete": event("change", {
    before: left,
    after: entered({
      outcome: z.enum(OUTCOMES),
      actualStart: instant,
      actualEnd: instant,
      integrity: integrity.optional(),
    }),
  }),
  // A success reported without a passing integrity check: refused, and the attempt kept.
  "change.integrity_refused": event("change", {
    after: z.strictObject({ number: z.string(), outcome: z.enum(OUTCOMES), integrity }),
  }),
  "change.pssr": event("change", { before: left, after: entered({}) }),
  // A later expiry of a temporary change in place, asked for and signed (issue 15).
  "change.extension_request": event("change", {
    after: z.strictObject({
      number: z.string(),
      extensionId: id,
      fromUntil: instant,
      toUntil: instant,
      required: z.array(requirement),
      contentHash: z.string(),
    }),
  }),
  "change.extension_sign": event("change", {
    after: z.strictObject({
      number: z.string(),
      extensionId: id,
      signoffId: id,
      role: z.enum(SIGNOFF_ROLES),
      decision: z.enum(SIGNOFF_DECISIONS),
      signerName: z.string(),
      signerEmail: z.string(),
      meaning: z.string(),
      signedAt: instant,
      contentHash: z.string(),
      state: z.enum(EXTENSION_STATES),
      fromUntil: instant,
      toUntil: instant,
    }),
  }),
  "change.close": event("change", {
    before: left,
    after: entered({
      securityControlsVerified: z.literal(true),
      baselineUpdated: z.literal(true),
      baselineUpdates: z.array(
        z.strictObject({ assetId: id, tag: z.string(), from: z.string(), to: z.string() }),
      ),
    }),
  }),
  "change.reevaluate": event("change", {
    before: z.strictObject({
      version,
      risk,
      class: z.enum(CHANGE_CLASSES),
      state,
      requiredSignoffs: z.array(z.string()),
    }),
    after: z.strictObject({
      number: z.string(),
      version,
      risk,
      class: z.enum(CHANGE_CLASSES),
      state,
      approvedAt: instant.nullable(),
      requiredSignoffs: z.array(z.string()),
      assetId: id,
      assetTag: z.string(),
      fields: z.array(z.string()),
    }),
  }),
  "signoff.sign": event("change", {
    after: z.strictObject({
      signoffId: id,
      number: z.string(),
      round,
      role: z.enum(SIGNOFF_ROLES),
      siteId: id.nullable(),
      decision: z.enum(SIGNOFF_DECISIONS),
      signerName: z.string(),
      signerEmail: z.string(),
      meaning: z.string(),
      signedAt: instant,
      contentHash: z.string(),
      scopeHash: z.string(),
      hashVersion: z.number().int(),
      retrospective: z.boolean(),
      method: z.enum(["password", "oidc-reauth"]),
      /** A delegate's sign-off: the approver whose authority it used (lib/domain/delegation). */
      onBehalfOf: z.strictObject({ userId: id, name: z.string(), delegationId: id }).optional(),
      /** Warnings the signer acknowledged (an unqualified patch, for security): their codes. */
      acknowledged: z.array(z.string()),
      via: z.string(),
    }),
  }),
  "signoff.reauth_refused": event("change"),
  "signoff.supersede": event("change", {
    before: z.strictObject({ signoffId: id, superseded: z.literal(false) }),
    after: z.strictObject({
      signoffId: id,
      number: z.string(),
      round,
      role: z.enum(SIGNOFF_ROLES),
      decision: z.enum(SIGNOFF_DECISIONS),
      signerEmail: z.string(),
      signedAt: instant,
      superseded: z.literal(true),
      supersededAt: instant,
    }),
  }),
  "gate.decision": event("change", {
    after: z.strictObject({
      number: z.string(),
      allowed: z.boolean(),
      dryRun: z.boolean(),
      at: instant,
      evaluatedAt: instant,
      state,
      version,
      reasons: z.array(z.strictObject({ code: z.string(), message: z.string() })),
      userAgent: z.string().max(200).optional(),
    }),
  }),
};
