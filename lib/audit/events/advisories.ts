import { z } from "zod";
import { CHANGE_TYPES } from "@/lib/domain/constants";
import { MATCH_STATUSES } from "@/lib/domain/advisories/types";
import { event, id, instant } from "./define";

const match = z.enum(MATCH_STATUSES);

/** Security advisories (CSAF), their matches and reviews, and the known-exploited list. */
export const ADVISORY_EVENTS = {
  "advisory.import": event("advisory", {
    before: z.strictObject({ revision: z.string(), title: z.string() }).nullable(),
    after: z.union([
      // A first import…
      z.strictObject({
        trackingId: z.string(),
        revision: z.string(),
        title: z.string(),
        cves: z.array(z.string()),
        products: z.number().int(),
      }),
      // …or a newer revision, with what it added (lib/domain/advisories/revision-delta).
      z.strictObject({
        trackingId: z.string(),
        revision: z.string(),
        title: z.string(),
        newProducts: z.array(z.string()),
        newCves: z.array(z.string()),
        newRemediations: z.array(z.string()),
      }),
    ]),
  }),
  "advisory.match_decide": event("advisory", {
    before: z.strictObject({ assetId: id, status: match, reason: z.string().nullable() }).nullable(),
    after: z.strictObject({ trackingId: z.string(), assetId: id, status: match, ruleReason: z.string() }),
  }),
  "advisory.applicability": event("advisory", {
    before: z.strictObject({ applicable: z.boolean().nullable(), reason: z.string().nullable() }).nullable(),
    after: z.strictObject({ trackingId: z.string(), siteCode: z.string(), applicable: z.boolean() }),
  }),
  "advisory.draft_changes": event("advisory", {
    after: z.strictObject({
      trackingId: z.string(),
      changes: z.array(
        z.strictObject({
          siteCode: z.string(),
          id,
          number: z.string(),
          type: z.enum(CHANGE_TYPES),
          assetIds: z.array(id),
        }),
      ),
      decidedApplicable: z.array(z.string()),
    }),
  }),
  "advisory.mitigation_plan": event("advisory", {
    after: z.strictObject({
      trackingId: z.string(),
      siteCode: z.string(),
      actions: z.string(),
      targetDate: instant,
      approver: z.string(),
    }),
  }),
  "advisory.plan_extend": event("advisory", {
    before: z.strictObject({ targetDate: instant }),
    after: z.strictObject({
      trackingId: z.string(),
      siteCode: z.string(),
      targetDate: instant,
      signerName: z.string(),
      meaning: z.string(),
    }),
  }),
  "kev.import": event("kev_catalog", {
    before: z.strictObject({ catalogVersion: z.string(), count: z.number().int() }).nullable(),
    after: z.strictObject({
      catalogVersion: z.string(),
      count: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
    }),
  }),
};
