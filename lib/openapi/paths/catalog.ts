import { z } from "zod";
import { ASSET_KINDS, CHANGE_TYPES, CRITICALITIES, SIGNOFF_DECISIONS } from "@/lib/domain/constants";
import { MODEL_VERSION_STATES } from "@/lib/domain/constants";
import {
  MODEL_LIST_STATES,
  modelSignoffSchema,
  proposeModelSchema,
  retireModelSchema,
  reviseModelSchema,
} from "@/lib/schemas/catalog";
import { definePaths, instant, named, page, paginationQuery } from "../registry";

const status = z
  .enum(["usable", "awaiting", "rejected", "retired"])
  .describe(
    "usable: an approved version new standard changes may name; awaiting: only a version awaiting the change board; rejected: the board rejected every version; retired: no new use",
  );

const summaryFields = {
  id: z.uuid(),
  code: z.string().describe("SC-NNN, per site"),
  siteCode: z.string(),
  siteName: z.string(),
  timeZone: z.string(),
  title: z.string().describe("Of the approved version, else of the latest"),
  status,
  approvedVersion: z.number().int().nullable(),
  approvedVersionId: z.uuid().nullable().describe("What a standard change names as standardModelVersionId"),
  latestVersion: z.number().int(),
  pendingVersion: z.number().int().nullable().describe("A version awaiting the change board"),
  retiredAt: instant.nullable(),
  changeTypes: z.array(z.enum(CHANGE_TYPES)),
  maxDowntimeMinutes: z.number().int(),
};

export const modelSummaryResponse = named("StandardModelSummary", z.object(summaryFields));

const ability = z.object({ ok: z.boolean(), reason: z.string().nullable().describe("Why not, in words") });

const versionResponse = named(
  "StandardModelVersion",
  z.object({
    id: z.uuid(),
    version: z.number().int(),
    state: z.enum(MODEL_VERSION_STATES),
    title: z.string(),
    description: z.string(),
    changeTypes: z.array(z.enum(CHANGE_TYPES)),
    assetKinds: z.array(z.enum(ASSET_KINDS)),
    criticalities: z.array(z.enum(CRITICALITIES)),
    maxDowntimeMinutes: z.number().int(),
    requiresTestBench: z.boolean(),
    requiresVendorQualified: z.boolean(),
    testEvidence: z.string(),
    implementationPlanTemplate: z.string(),
    backoutPlanTemplate: z.string(),
    contentHash: z.string().describe("SHA-256 of the version's content: what a board member signs"),
    proposedAt: instant,
    proposedByName: z.string(),
    proposedByEmail: z.string(),
    approvedAt: instant.nullable(),
    signoffs: z.array(
      z.object({
        id: z.uuid(),
        decision: z.enum(SIGNOFF_DECISIONS),
        signerName: z.string(),
        signerEmail: z.string(),
        meaning: z.string(),
        signedAt: instant,
        comment: z.string(),
        contentHash: z.string(),
      }),
    ),
  }),
);

export const modelResponse = named(
  "StandardModel",
  z.object({
    ...summaryFields,
    retiredReason: z.string().nullable(),
    retiredByName: z.string().nullable(),
    versions: z.array(versionResponse).describe("Newest first"),
    canRevise: ability,
    canRetire: ability,
    canSign: ability,
    changes: z
      .array(
        z.object({
          id: z.uuid(),
          number: z.string(),
          title: z.string(),
          state: z.string(),
          version: z.number().int().describe("The model version the change names"),
        }),
      )
      .describe("Standard changes filed from this model, newest first (at most 50)"),
  }),
);

const idPath = z.object({ id: z.uuid().describe("The model id") });
const one = (description: string, code = 200) => ({ [code]: { description, schema: modelResponse } });

export default definePaths(
  "standard-models",
  {
    "/api/v1/standard-models": {
      get: {
        summary: "The standard-change catalog at the caller's sites",
        query: paginationQuery.extend({
          site: z.string().optional().describe("Site code"),
          state: z.enum(MODEL_LIST_STATES).optional(),
          q: z.string().optional().describe("Words of the code or title"),
        }),
        responses: { 200: { description: "A page of models", schema: page(modelSummaryResponse) } },
        errors: [422],
      },
      post: {
        summary: "Propose a standard change model (change managers of the site)",
        description:
          "Version 1 awaits the change board's sign-off before any change may name it. A model that allows SIS logic solvers or safety-critical assets is refused (422).",
        body: proposeModelSchema,
        responses: one("The proposed model", 201),
        errors: [400, 403, 404, 409, 422],
      },
    },
    "/api/v1/standard-models/{id}": {
      get: {
        summary: "A model with its versions, the board's sign-offs and the changes filed from it",
        path: idPath,
        responses: one("The model"),
        errors: [404],
      },
      patch: {
        summary: "Edit a model: the whole new content becomes a new version awaiting the board",
        description:
          "`basedOnVersion` is the latest version you read; 409 when someone edited it first. The approved version stays usable until the board approves the new one.",
        path: idPath,
        body: reviseModelSchema,
        responses: one("The model with its new version"),
        errors: [400, 403, 404, 409, 422],
      },
    },
    "/api/v1/standard-models/{id}/signoffs": {
      post: {
        summary: "The change board signs the version awaiting it (approve or reject)",
        description:
          "A change manager of the model's site who did not propose that version; the password re-authenticates (422 when wrong, counted toward lockout). `contentHash` is the version's contentHash as shown: 409 when the model changed since. A rejection needs a comment.",
        path: idPath,
        body: modelSignoffSchema,
        responses: one("The model after the signature", 201),
        errors: [400, 403, 404, 409, 422, 429],
      },
    },
    "/api/v1/standard-models/{id}/retire": {
      post: {
        summary: "Retire a model: no new standard change may name it",
        description: "Changes already approved under it may still run, within it.",
        path: idPath,
        body: retireModelSchema,
        responses: one("The retired model"),
        errors: [400, 403, 404, 409, 422],
      },
    },
  },
  "The standard-change catalog: models pre-approved by the change board",
);
