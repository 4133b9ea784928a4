import { z } from "zod";
import { ASSET_KINDS, CHANGE_TYPES, CRITICALITIES, SIGNOFF_DECISIONS } from "@/lib/domain/constants";
import { MODEL_VERSION_STATES } from "@/lib/domain/constants";
import { changed, event, id, instant, text } from "./define";

/** A model version's content as the board approves it (lib/domain/catalog/model.ts ModelContent). */
const content = {
  title: z.string(),
  description: text,
  changeTypes: z.array(z.enum(CHANGE_TYPES)),
  assetKinds: z.array(z.enum(ASSET_KINDS)),
  criticalities: z.array(z.enum(CRITICALITIES)),
  maxDowntimeMinutes: z.number().int(),
  requiresTestBench: z.boolean(),
  requiresVendorQualified: z.boolean(),
  testEvidence: text,
  implementationPlanTemplate: text,
  backoutPlanTemplate: text,
};
const version = {
  code: z.string(),
  siteCode: z.string(),
  version: z.number().int(),
  versionId: id,
  state: z.enum(MODEL_VERSION_STATES),
  contentHash: z.string(),
};

/** The standard-change catalog: models, their versions and the change board's signatures on them. */
export const CATALOG_EVENTS = {
  "standard_model.propose": event("standard_model", { after: z.strictObject({ ...version, ...content }) }),
  "standard_model.revise": event("standard_model", {
    before: changed(content).extend({ version: z.number().int() }),
    after: changed(content).extend(version),
  }),
  "standard_model.sign": event("standard_model", {
    after: z.strictObject({
      ...version,
      signoffId: id,
      decision: z.enum(SIGNOFF_DECISIONS),
      signerName: z.string(),
      signerEmail: z.string(),
      meaning: z.string(),
      signedAt: instant,
      /** password, or oidc-reauth for a single sign-on member's fresh login at the provider. */
      method: z.string(),
      /** The earlier approved version this approval replaced, if any. */
      supersededVersion: z.number().int().nullable(),
    }),
  }),
  /** A single sign-on member's signature refused on the way back from the provider. */
  "standard_model.reauth_refused": event("standard_model"),
  "standard_model.retire": event("standard_model", {
    after: z.strictObject({ code: z.string(), siteCode: z.string(), retiredAt: instant, reason: z.string() }),
  }),
};
