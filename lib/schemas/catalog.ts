import "./zod-setup";
import { z } from "zod";
import { ASSET_KINDS, CHANGE_TYPES, CRITICALITIES, SIGNOFF_DECISIONS } from "@/lib/domain/constants";
import { MODEL_VERSION_STATES } from "@/lib/domain/constants";
import { signingPasswordSchema } from "./changes";
import { code, line, paginationSchema, requiredLine, text } from "./common";

const listOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .array(z.enum(values, { message: `${label} must be one of ${values.join(", ")}.` }))
    .min(1, `Choose at least one ${label.toLowerCase()}.`)
    .max(values.length)
    .transform((v) => [...new Set(v)].sort());

/** What a change manager writes and the change board approves (lib/domain/catalog/model.ts ModelContent). */
export const modelContentSchema = z.object({
  title: requiredLine(200, "Title"),
  description: text(20_000, "Description of the work").pipe(
    z.string().trim().min(1, "Describe the work the model covers."),
  ),
  changeTypes: listOf(CHANGE_TYPES, "Change type"),
  assetKinds: listOf(ASSET_KINDS, "Asset kind"),
  criticalities: listOf(CRITICALITIES, "Criticality"),
  maxDowntimeMinutes: z
    .number({ message: "Maximum downtime must be a number of minutes." })
    .int("Maximum downtime must be whole minutes.")
    .min(0, "Maximum downtime cannot be negative.")
    .max(1_440, "A standard change may allow at most a day of downtime."),
  requiresTestBench: z.boolean({ message: "Requires a test bench must be true or false." }).default(false),
  requiresVendorQualified: z
    .boolean({ message: "Requires vendor qualification must be true or false." })
    .default(false),
  testEvidence: text(4_000, "Required test evidence")
    .transform((s) => s.trim())
    .default(""),
  implementationPlanTemplate: text(50_000, "Implementation plan template").pipe(
    z.string().trim().min(1, "Give the implementation plan template."),
  ),
  backoutPlanTemplate: text(50_000, "Backout plan template").pipe(
    z.string().trim().min(1, "Give the backout plan template."),
  ),
});
export type ModelContentInput = z.input<typeof modelContentSchema>;

export const proposeModelSchema = modelContentSchema.extend({
  siteCode: code("Site").transform((s) => s.toUpperCase()),
});
export type ProposeModelInput = z.input<typeof proposeModelSchema>;

/** An edit is the whole new content; `basedOnVersion` is the version the editor read. */
export const reviseModelSchema = modelContentSchema.extend({
  basedOnVersion: z.number({ message: "Send the version you edited." }).int().min(1),
});
export type ReviseModelInput = z.input<typeof reviseModelSchema>;

const modelSignoffShape = z.object({
  decision: z.enum(SIGNOFF_DECISIONS, { message: "Decision must be approve or reject." }),
  comment: text(4_000, "Comment")
    .transform((s) => s.trim())
    .default(""),
  password: signingPasswordSchema,
  /** The version's content hash as the signer was shown it. */
  contentHash: z
    .string({ message: "Send the content hash you were shown." })
    .regex(/^[0-9a-f]{64}$/, "Send the content hash you were shown."),
});

function rejectionNeedsReason(v: { decision: string; comment: string }, ctx: z.RefinementCtx) {
  if (v.decision === "reject" && !v.comment)
    ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why the board rejects the model." });
}

export const modelSignoffSchema = modelSignoffShape.superRefine(rejectionNeedsReason);
export type ModelSignoffInput = z.input<typeof modelSignoffSchema>;

const { password: _password, ...intentShape } = modelSignoffShape.shape;
/** A single sign-on board member's signature: the provider's fresh login stands for the password. */
export const modelSignoffIntentSchema = z.object(intentShape).superRefine(rejectionNeedsReason);
export type ModelSignoffIntent = z.input<typeof modelSignoffIntentSchema>;

export const retireModelSchema = z.object({
  reason: requiredLine(1_000, "Reason"),
});
export type RetireModelInput = z.input<typeof retireModelSchema>;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const MODEL_LIST_STATES = ["usable", "awaiting", "retired"] as const;

export const modelListQuerySchema = paginationSchema.extend({
  site: z.preprocess(
    blank,
    code("Site")
      .transform((s) => s.toUpperCase())
      .optional(),
  ),
  /** usable: an approved version and not retired; awaiting: a version awaits the board. */
  state: z.preprocess(
    blank,
    z.enum(MODEL_LIST_STATES, { message: "State must be usable, awaiting or retired." }).optional(),
  ),
  q: z.preprocess(blank, line(200, "Search text").optional()),
});
export type ModelListQuery = z.input<typeof modelListQuerySchema>;

export { MODEL_VERSION_STATES };
