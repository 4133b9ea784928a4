import "./zod-setup";
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
import { SIGNING_ACKNOWLEDGEMENTS } from "@/lib/domain/changes/supply-chain";
import { emailSchema } from "./auth";
import { code, line, paginationSchema, requiredLine, text, uuid } from "./common";
import { integrityCheckSchema } from "./integrity";

export const CVE_PATTERN = /^CVE-\d{4}-\d{4,}$/;
export const MAX_REFERENCES = 50;
export const MAX_CHANGE_ASSETS = 500;

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { message: `${label} must be one of ${values.join(", ")}.` });

/**
 * A reference is free text (advisory or bulletin id, ≤100 characters), except that anything
 * that starts like a CVE id must be a well-formed one: a typo there would break the link to
 * the vulnerability databases.
 */
export const referenceSchema = requiredLine(100, "A reference").transform((s, ctx) => {
  if (!/^cve-/i.test(s)) return s;
  const upper = s.toUpperCase();
  if (!CVE_PATTERN.test(upper)) {
    ctx.addIssue({ code: "custom", message: `"${s}" is not a CVE id; CVE ids look like CVE-2024-12345.` });
    return z.NEVER;
  }
  return upper;
});

const referencesSchema = z
  .array(referenceSchema)
  .max(MAX_REFERENCES, `At most ${MAX_REFERENCES} references.`)
  .transform((refs) => [...new Set(refs)]);

const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

const INSTANT_MESSAGE = "Give a date and time with Z or an offset, for example 2027-03-14T08:00:00Z.";

/**
 * An instant: an ISO 8601 string with Z or an offset, or a Date from server code. A local
 * time without offset is refused here; a change can span sites in different zones, so the
 * form converts the site-local input to UTC before sending it. A Date is read as its ISO text
 * first, so the API's document shows the one thing a client sends: a string, format date-time.
 */
export const instantSchema = z
  .preprocess(
    (v) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? "" : v.toISOString()) : v),
    z
      .string({ message: INSTANT_MESSAGE })
      .trim()
      .regex(OFFSET_INSTANT, INSTANT_MESSAGE)
      .meta({ format: "date-time", examples: ["2027-03-14T08:00:00Z"] }),
  )
  .transform((v, ctx) => {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "Not a valid date and time." });
      return z.NEVER;
    }
    return d;
  });

const assetIdsSchema = z
  .array(uuid)
  .min(1, "Choose at least one affected asset.")
  .max(MAX_CHANGE_ASSETS, `At most ${MAX_CHANGE_ASSETS} assets per change.`)
  .transform((ids) => [...new Set(ids)]);

const nullableEmail = z
  .union([z.literal(""), emailSchema])
  .nullable()
  .transform((v) => v || null);

/** Every field of API.md's Change a client may write, without defaults (so PATCH can be partial). */
const changeFields = {
  type: enumOf(CHANGE_TYPES, "Type"),
  class: enumOf(CHANGE_CLASSES, "Class"),
  title: requiredLine(200, "Title"),
  description: text(20_000, "Description"),
  justification: text(20_000, "Justification"),
  references: referencesSchema,
  assetIds: assetIdsSchema,
  implementationPlan: text(50_000, "Implementation plan"),
  backoutPlan: text(50_000, "Backout plan"),
  testedOnTestBench: z.boolean({ message: "Tested on a test bench must be true or false." }),
  vendorQualified: z.boolean({ message: "Vendor-qualified must be true or false." }),
  testNotes: text(20_000, "Test notes"),
  expectedDowntimeMinutes: z
    .number({ message: "Expected downtime must be a number of minutes." })
    .int("Expected downtime must be whole minutes.")
    .min(0, "Expected downtime cannot be negative.")
    .max(525_600, "Expected downtime must be at most a year."),
  productionImpact: enumOf(PRODUCTION_IMPACTS, "Production impact"),
  safetyImpact: enumOf(SAFETY_IMPACTS, "Safety impact"),
  safetyBypassRequired: z.boolean({ message: "Safety bypass required must be true or false." }),
  plannedStart: instantSchema.nullable(),
  plannedEnd: instantSchema.nullable(),
  implementerEmail: nullableEmail,
  /** A change that follows a failed or rolled-back one names it (PRODUCT.md "Change lifecycle"). */
  followsChangeId: uuid.nullable(),
  /** A temporary change must be reverted by this instant (issue 15); null for a permanent one. */
  temporaryUntil: instantSchema.nullable(),
  /** A standard change names the approved catalog model version it follows (issue 15). */
  standardModelVersionId: uuid.nullable(),
};

/** The names of those fields, for the tables that give each its words. */
export const CHANGE_FIELD_NAMES = Object.keys(changeFields);

function slotOrder(v: { plannedStart?: Date | null; plannedEnd?: Date | null }, ctx: z.RefinementCtx) {
  // The refinement also runs when a bound failed its own check (it is then still the raw input):
  // compare only two instants, so a malformed bound reports its own error and nothing else.
  if (
    v.plannedStart instanceof Date &&
    v.plannedEnd instanceof Date &&
    v.plannedEnd.getTime() <= v.plannedStart.getTime()
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["plannedEnd"],
      message: "The planned end must be after the planned start.",
    });
  }
}

export const createChangeSchema = z
  .object({
    ...changeFields,
    description: changeFields.description.default(""),
    justification: changeFields.justification.default(""),
    references: changeFields.references.default([]),
    implementationPlan: changeFields.implementationPlan.default(""),
    backoutPlan: changeFields.backoutPlan.default(""),
    testedOnTestBench: changeFields.testedOnTestBench.default(false),
    vendorQualified: changeFields.vendorQualified.default(false),
    testNotes: changeFields.testNotes.default(""),
    expectedDowntimeMinutes: changeFields.expectedDowntimeMinutes.default(0),
    productionImpact: changeFields.productionImpact.default("none"),
    safetyImpact: changeFields.safetyImpact.default("none"),
    safetyBypassRequired: changeFields.safetyBypassRequired.default(false),
    plannedStart: changeFields.plannedStart.default(null),
    plannedEnd: changeFields.plannedEnd.default(null),
    implementerEmail: changeFields.implementerEmail.default(null),
    followsChangeId: changeFields.followsChangeId.default(null),
    temporaryUntil: changeFields.temporaryUntil.default(null),
    standardModelVersionId: changeFields.standardModelVersionId.default(null),
  })
  .superRefine(slotOrder);
export type CreateChangeInput = z.input<typeof createChangeSchema>;
export type CreateChangeData = z.output<typeof createChangeSchema>;

/** A partial edit: only the keys present change. The slot order is checked against the merged change. */
export const updateChangeSchema = z.object(changeFields).partial().superRefine(slotOrder);
export type UpdateChangeInput = z.input<typeof updateChangeSchema>;
export type UpdateChangeData = z.output<typeof updateChangeSchema>;

/** "a,b" or an array, each one of the vocabulary; blank means no filter. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === "") return undefined;
      const parts = Array.isArray(v) ? v : String(v).split(",");
      const cleaned = parts.map((p) => String(p).trim()).filter(Boolean);
      return cleaned.length ? [...new Set(cleaned)] : undefined;
    },
    z.array(enumOf(values, label)).max(values.length).optional(),
  );

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const CHANGE_SORTS = ["createdAt", "updatedAt", "plannedStart", "number"] as const;
export type ChangeSort = (typeof CHANGE_SORTS)[number];

export const changeListQuerySchema = paginationSchema
  .extend({
    site: z.preprocess(
      blankToUndefined,
      code("Site")
        .transform((s) => s.toUpperCase())
        .optional(),
    ),
    state: csvOf(CHANGE_STATES, "State"),
    type: csvOf(CHANGE_TYPES, "Type"),
    class: csvOf(CHANGE_CLASSES, "Class"),
    risk: csvOf(RISK_LEVELS, "Risk"),
    requester: z.preprocess(blankToUndefined, emailSchema.optional()),
    /** Changes that affect this asset (the asset page's list). */
    asset: z.preprocess(blankToUndefined, uuid.optional()),
    /** With `to`: changes whose planned slot overlaps [from, to). */
    from: z.preprocess(blankToUndefined, instantSchema.optional()),
    to: z.preprocess(blankToUndefined, instantSchema.optional()),
    q: z.preprocess(blankToUndefined, line(200, "Search text").optional()),
    sort: z.preprocess(blankToUndefined, enumOf(CHANGE_SORTS, "Sort").default("createdAt")),
    dir: z.preprocess(blankToUndefined, enumOf(["asc", "desc"] as const, "Direction").default("desc")),
  })
  .superRefine((v, ctx) => {
    if (v.from instanceof Date && v.to instanceof Date && v.to.getTime() <= v.from.getTime()) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "'to' must be after 'from'." });
    }
  });
export type ChangeListQuery = z.input<typeof changeListQuerySchema>;
export type ChangeListFilters = z.output<typeof changeListQuerySchema>;

function rejectionNeedsComment(v: { decision: string; comment: string }, ctx: z.RefinementCtx) {
  if (v.decision === "reject" && !v.comment) {
    ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why you reject the change." });
  }
}

/** The secret half of an electronic signature, re-entered for each one. */
export const signingPasswordSchema = z
  .string({ message: "Re-enter your password to sign." })
  .min(1, "Re-enter your password to sign.")
  .max(1_024, "Password is too long.");

export const signoffInputSchema = z
  .object({
    role: enumOf(SIGNOFF_ROLES, "Role"),
    /** Which site's operations sign when a change spans several; optional otherwise. */
    siteCode: z.preprocess(
      blankToUndefined,
      code("Site")
        .transform((s) => s.toUpperCase())
        .optional(),
    ),
    decision: enumOf(SIGNOFF_DECISIONS, "Decision"),
    comment: text(4_000, "Comment")
      .transform((s) => s.trim())
      .default(""),
    password: signingPasswordSchema,
    /** Warnings the signer acknowledges (shown in the sign dialog), e.g. a fix the vendor has not qualified. */
    acknowledged: z
      .array(z.enum(SIGNING_ACKNOWLEDGEMENTS, { message: "Unknown warning to acknowledge." }))
      .max(SIGNING_ACKNOWLEDGEMENTS.length)
      .default([]),
    /** The change's contentHash as the signer was shown it: a signature approves that content only. */
    contentHash: z
      .string({ message: "Send the contentHash of the change as you were shown it." })
      .regex(/^[0-9a-f]{64}$/, "contentHash must be the 64 hex digits the change returned."),
  })
  .superRefine(rejectionNeedsComment);
export type SignoffInput = z.input<typeof signoffInputSchema>;

const { password: _password, ...intentShape } = signoffInputSchema.shape;
/**
 * A single sign-on signer's sign-off: the identity provider's fresh login stands for the password
 * (the same fields and rules otherwise).
 */
export const signoffIntentSchema = z.object(intentShape).superRefine(rejectionNeedsComment);
export type SignoffIntent = z.input<typeof signoffIntentSchema>;

export const completeChangeSchema = z
  .object({
    outcome: enumOf(OUTCOMES, "Outcome"),
    notes: text(20_000, "Notes")
      .transform((s) => s.trim())
      .default(""),
    actualStart: instantSchema.optional(),
    actualEnd: instantSchema.optional(),
    /** CIP-010 R1.6: required to report a patch or firmware update successful (the service decides by type). */
    integrity: integrityCheckSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "success" && !v.notes) {
      ctx.addIssue({
        code: "custom",
        path: ["notes"],
        message: "Describe what happened when the change failed or was rolled back.",
      });
    }
    if (
      v.actualStart instanceof Date &&
      v.actualEnd instanceof Date &&
      v.actualEnd.getTime() < v.actualStart.getTime()
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["actualEnd"],
        message: "The actual end cannot be before the actual start.",
      });
    }
  });
export type CompleteChangeInput = z.input<typeof completeChangeSchema>;

export const closeChangeSchema = z.object({
  securityControlsVerified: z.literal(true, {
    message: "Confirm that the security controls were verified after the change.",
  }),
  baselineUpdated: z.literal(true, { message: "Confirm that the asset baseline is up to date." }),
  /** New firmware or software versions written to the assets, each an audited asset edit. */
  baselineUpdates: z
    .array(z.object({ assetId: uuid, version: requiredLine(64, "Version") }))
    .max(MAX_CHANGE_ASSETS)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((u, i) => {
        if (seen.has(u.assetId))
          ctx.addIssue({ code: "custom", path: [i, "assetId"], message: "This asset is listed twice." });
        seen.add(u.assetId);
      });
    }),
  notes: text(20_000, "Review notes")
    .transform((s) => s.trim())
    .default(""),
});
export type CloseChangeInput = z.input<typeof closeChangeSchema>;

/** Optional reason for cancel and revise, kept in the audit trail. */
export const transitionReasonSchema = z.object({
  reason: text(4_000, "Reason")
    .transform((s) => s.trim())
    .default(""),
});
export type TransitionReasonInput = z.input<typeof transitionReasonSchema>;

export const gateQuerySchema = z.object({ at: z.preprocess(blankToUndefined, instantSchema.optional()) });
export type GateQuery = z.input<typeof gateQuerySchema>;

/** Asking for a later expiry of a temporary change in place (issue 15). */
export const extendTemporarySchema = z.object({
  until: instantSchema,
  reason: text(2_000, "Reason")
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, "Say why the temporary state must last longer."),
});
export type ExtendTemporaryInput = z.input<typeof extendTemporarySchema>;

const { acknowledged: _acknowledged, ...extensionSignShape } = signoffInputSchema.shape;
/** A sign-off of an expiry extension: as a change's, bound to the extension's contentHash. */
export const extensionSignoffSchema = z.object(extensionSignShape).superRefine(rejectionNeedsComment);
export type ExtensionSignoffInput = z.input<typeof extensionSignoffSchema>;
