import { z } from "zod";
import {
  ASSET_KINDS,
  CHANGE_CLASSES,
  CHANGE_STATES,
  CHANGE_TYPES,
  CRITICALITIES,
  GATE_REASON_CODES,
  OUTCOMES,
  PRODUCTION_IMPACTS,
  RISK_LEVELS,
  SAFETY_IMPACTS,
  SIGNOFF_DECISIONS,
  SIGNOFF_ROLES,
} from "@/lib/domain/constants";
import {
  CHANGE_SORTS,
  closeChangeSchema,
  completeChangeSchema,
  createChangeSchema,
  signoffInputSchema,
  extendTemporarySchema,
  extensionSignoffSchema,
  transitionReasonSchema,
  updateChangeSchema,
} from "@/lib/schemas/changes";
import { CHANGE_UI_ACTIONS } from "@/lib/types/changes";
import { MODEL_VERSION_STATES } from "@/lib/domain/constants";
import { EXTENSION_STATES } from "@/lib/domain/constants";
import { definePaths, instant, named, page, paginationQuery } from "../registry";

const role = z.enum(SIGNOFF_ROLES);
const reason = z.object({
  code: z.string().describe(`One of ${GATE_REASON_CODES.join(", ")} (stable, machine-readable)`),
  message: z.string(),
  data: z
    .record(z.string(), z.union([z.string(), z.number(), z.null()]))
    .optional()
    .describe("The facts behind the reason (the role and site of a missing sign-off, the planned slot)"),
});

const signoff = named(
  "Signoff",
  z.object({
    id: z.uuid(),
    round: z.number().int().describe("Approval round; a revise after rejection starts a new one"),
    currentRound: z.boolean(),
    role,
    siteCode: z.string().nullable(),
    decision: z.enum(SIGNOFF_DECISIONS),
    signerEmail: z.string(),
    signerName: z.string().describe("Printed name at signing time"),
    onBehalfOfName: z
      .string()
      .nullable()
      .describe(
        "When a delegate signed: the approver whose authority they signed under (see /api/v1/delegations)",
      ),
    meaning: z.string().describe('e.g. "Approved as safety authority"'),
    signedAt: instant,
    comment: z.string(),
    contentHash: z.string().describe("SHA-256 of the approval-relevant content the signer approved"),
    retrospective: z.boolean().describe("Emergency sign-off given after approval"),
    acknowledged: z
      .array(z.string())
      .describe("Warnings the signer acknowledged to sign, e.g. vendor_not_qualified"),
    method: z
      .enum(["password", "oidc-reauth"])
      .describe("How the signer proved who they were: password, or a fresh login at the identity provider"),
    superseded: z.boolean(),
    supersededAt: instant.nullable(),
    supersededReason: z.string().nullable(),
  }),
);

const requiredSignoff = named(
  "RequiredSignoff",
  z.object({
    role,
    siteCode: z.string().nullable().describe("Operations signs per site; null: any site of the change"),
    satisfied: z.boolean(),
    reason: z.string().describe("The policy rule that asks for it, in words"),
    retrospective: z.boolean().describe("Emergency: may be signed after the start, until dueAt"),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    signoffId: z.uuid().nullable(),
  }),
);

const changeLink = named(
  "ChangeLink",
  z.object({ id: z.uuid(), number: z.string(), title: z.string(), state: z.enum(CHANGE_STATES) }),
);

const changeFields = {
  id: z.uuid(),
  number: z.string().describe("CHG-YYYY-NNNNN"),
  version: z.number().int().describe("Send as If-Match when editing; also in the ETag header"),
  state: z.enum(CHANGE_STATES),
  type: z.enum(CHANGE_TYPES),
  class: z.enum(CHANGE_CLASSES),
  title: z.string(),
  risk: z.enum(RISK_LEVELS).describe("Computed by the risk matrix; read-only"),
  plannedStart: instant.nullable(),
  plannedEnd: instant.nullable(),
  requesterEmail: z.string(),
  implementerEmail: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
};

/** The Change resource; test/openapi-change.test.ts holds it equal to lib/types ChangeView. */
export const changeResponse = named(
  "Change",
  z.object({
    ...changeFields,
    description: z.string(),
    justification: z.string(),
    references: z.array(z.string()).describe("CVE ids, advisory and bulletin ids"),
    assetIds: z.array(z.uuid()),
    implementationPlan: z.string(),
    backoutPlan: z.string(),
    testedOnTestBench: z.boolean(),
    vendorQualified: z.boolean(),
    testNotes: z.string(),
    expectedDowntimeMinutes: z.number().int(),
    productionImpact: z.enum(PRODUCTION_IMPACTS),
    safetyImpact: z.enum(SAFETY_IMPACTS),
    safetyBypassRequired: z.boolean(),
    implementerName: z.string().nullable(),
    requesterName: z.string(),
    riskScore: z.number().int(),
    riskFactors: z.array(
      z.object({ factor: z.string(), value: z.string(), points: z.number().int(), detail: z.string() }),
    ),
    riskExplanation: z.array(z.string()).describe("One line for the level, one per contributing factor"),
    requiredSignoffs: z.array(requiredSignoff).describe("Including the PSSR when safety must sign"),
    signoffs: z.array(signoff).describe("Every sign-off of every round, superseded ones included"),
    pssrRequired: z.boolean(),
    approvalRound: z.number().int(),
    contentHash: z
      .string()
      .describe(
        "SHA-256 of the approval-relevant content as it is now (scope, test notes and slot); send it back when signing",
      ),
    retrospectiveDueAt: instant.nullable(),
    overdueRetrospective: z.array(z.object({ role, siteCode: z.string().nullable(), dueAt: instant })),
    availableActions: z
      .array(
        z.object({
          action: z.enum(CHANGE_UI_ACTIONS),
          available: z.boolean(),
          reason: z.string().nullable(),
          reasons: z.array(reason).optional(),
        }),
      )
      .describe("What the caller may do now, and why not otherwise"),
    signOptions: z.array(
      z.object({
        role,
        siteCode: z.string().nullable(),
        available: z.boolean(),
        reason: z.string().nullable(),
        onBehalfOfName: z
          .string()
          .nullable()
          .describe(
            "Set when the caller would sign under a delegation: the approver whose authority it uses",
          ),
        acknowledge: z
          .array(z.object({ code: z.string(), message: z.string() }))
          .describe(
            "Warnings an approval in this role must acknowledge (send their codes as `acknowledged`)",
          ),
      }),
    ),
    sites: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), timeZone: z.string() })),
    assets: z.array(
      z.object({
        id: z.uuid(),
        tag: z.string(),
        name: z.string(),
        kind: z.enum(ASSET_KINDS),
        siteCode: z.string(),
        areaCode: z.string().nullable(),
        criticality: z.enum(CRITICALITIES),
        safetyRelated: z.boolean(),
        gxp: z.boolean(),
        redundancyGroup: z.string().nullable(),
        version: z.string(),
      }),
    ),
    submittedAt: instant.nullable(),
    approvedAt: instant.nullable(),
    actualStart: instant.nullable(),
    actualEnd: instant.nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    outcomeNotes: z.string().nullable(),
    integrityRequired: z
      .boolean()
      .describe(
        "A patch or firmware update: reporting it successful needs an integrity check (CIP-010 R1.6)",
      ),
    integrityCheck: z
      .object({
        method: z.enum(["sha256", "signature"]),
        fileName: z.string(),
        computedSha256: z.string().nullable(),
        publishedSha256: z.string().nullable(),
        signatureValid: z.boolean().nullable(),
        signatureDetail: z.string().nullable(),
        passed: z.boolean().describe("Equal hashes, or a verified vendor signature"),
        summary: z.string().describe("The file and how the check came out, in words"),
        recordedByName: z.string(),
        recordedByEmail: z.string(),
        recordedAt: instant,
      })
      .nullable()
      .describe("What the implementer checked before recording the outcome; null until then"),
    pirSecurityVerified: z.boolean().nullable(),
    pirBaselineUpdated: z.boolean().nullable(),
    pirNotes: z.string().nullable(),
    closedAt: instant.nullable(),
    followsChangeId: z
      .uuid()
      .nullable()
      .describe("The failed or rolled-back change this one follows up (named when it is created or edited)"),
    follows: changeLink
      .nullable()
      .describe("The change followsChangeId names; null when none or at a site the caller may not see"),
    followedBy: z
      .array(changeLink)
      .describe("The follow-ups that name this change, oldest first (those the caller may see)"),
    temporaryUntil: instant
      .nullable()
      .describe("A temporary change must be reverted by this instant; part of the signed content"),
    temporary: z
      .object({
        revert: z
          .object({ id: z.uuid(), number: z.string(), state: z.enum(CHANGE_STATES) })
          .nullable()
          .describe("The revert Interlock drafted when this temporary change was completed"),
        reverts: z
          .object({
            id: z.uuid(),
            number: z.string(),
            state: z.enum(CHANGE_STATES),
            dueBy: instant.nullable().describe("The temporary change's expiry: this revert is due by then"),
          })
          .nullable()
          .describe("On a revert: the temporary change it undoes"),
        inPlace: z
          .boolean()
          .describe("Completed, and its revert not closed: the assets are in the temporary state"),
        expiresAt: instant
          .nullable()
          .describe("The expiry in force: the latest approved extension's, else temporaryUntil"),
        extension: z
          .object({
            id: z.uuid(),
            state: z.enum(EXTENSION_STATES),
            fromUntil: instant,
            toUntil: instant,
            reason: z.string(),
            requestedByName: z.string(),
            requestedAt: instant,
            decidedAt: instant.nullable(),
            contentHash: z.string().describe("Send it back to sign the extension"),
            required: z.array(
              z.object({
                role,
                siteCode: z.string().nullable(),
                signerName: z.string().nullable(),
                decision: z.enum(SIGNOFF_DECISIONS).nullable(),
                meaning: z.string().nullable(),
                signedAt: instant.nullable(),
              }),
            ),
            signOptions: z.array(
              z.object({
                role,
                siteCode: z.string().nullable(),
                available: z.boolean(),
                reason: z.string().nullable(),
              }),
            ),
          })
          .nullable()
          .describe("The latest request for a later expiry after implementation, with its sign-offs"),
        extendRefusal: z
          .string()
          .nullable()
          .describe("Why the caller may not ask for a later expiry now; null when they may"),
      })
      .describe("A temporary change and its revert, linked both ways"),
    standardModelVersionId: z
      .uuid()
      .nullable()
      .describe(
        "The approved standard change model version a standard change follows (GET /api/v1/standard-models/{id})",
      ),
    standardModel: named(
      "ChangeStandardModel",
      z.object({
        modelId: z.uuid(),
        versionId: z.uuid(),
        code: z.string().describe("e.g. SC-004, per site"),
        version: z.number().int(),
        title: z.string(),
        state: z.enum(MODEL_VERSION_STATES),
        retired: z.boolean(),
      }),
    )
      .nullable()
      .describe("The model version the change used; null for normal and emergency changes"),
    standardLegacy: z
      .boolean()
      .describe("A standard change from before the catalog: bound to no model and not checked against one"),
    advisories: z
      .array(z.object({ id: z.uuid(), trackingId: z.string(), title: z.string() }))
      .describe("The ICS advisories this change was drafted from (GET /api/v1/advisories/{id})"),
    updatedByEmail: z.string().nullable(),
  }),
);

export const changeListItemResponse = named(
  "ChangeListItem",
  z.object({ ...changeFields, siteCodes: z.array(z.string()), requesterName: z.string() }),
);

const gateDecision = named(
  "GateDecision",
  z.object({
    allowed: z.boolean(),
    reasons: z.array(reason),
    warnings: z
      .array(z.object({ code: z.string(), message: z.string(), acknowledged: z.boolean() }))
      .describe(
        "Shown, never refusing: vendor_not_qualified when the vendor has not qualified the patch or firmware, and whether the current security sign-off acknowledged it",
      ),
    evaluatedAt: instant,
  }),
);

const inboxItem = named(
  "ApprovalInboxItem",
  z.object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    state: z.enum(CHANGE_STATES),
    class: z.enum(CHANGE_CLASSES),
    risk: z.enum(RISK_LEVELS),
    siteCodes: z.array(z.string()),
    requesterName: z.string(),
    plannedStart: instant.nullable(),
    plannedEnd: instant.nullable(),
    waitingSince: instant,
    roles: z.array(
      z.object({
        role,
        siteCode: z.string().nullable(),
        retrospective: z.boolean(),
        onBehalfOfName: z
          .string()
          .nullable()
          .describe(
            "Set when the caller may sign it only under a delegation in force: the approver who lent the role",
          ),
      }),
    ),
    dueAt: instant.nullable().describe("Emergency retrospective sign-offs: when they fall due"),
    overdue: z.boolean(),
  }),
);

const historyEvent = named(
  "ChangeHistoryEvent",
  z.object({
    id: z.number().int(),
    at: instant,
    actorEmail: z.string().nullable(),
    action: z.string(),
    before: z.unknown().describe("Field values before the event (edits: only the fields that changed)."),
    after: z.unknown().describe("Field values after the event."),
    reason: z.string().nullable(),
  }),
);

const csv = (values: readonly string[]) =>
  z
    .string()
    .optional()
    .describe(`One or several (comma-separated) of ${values.join(", ")}`);
const listQuery = paginationQuery.extend({
  site: z.string().optional().describe("Site code: changes with an asset at that site"),
  state: csv(CHANGE_STATES),
  type: csv(CHANGE_TYPES),
  class: csv(CHANGE_CLASSES),
  risk: csv(RISK_LEVELS),
  requester: z.string().optional().describe("The requester's email"),
  asset: z.uuid().optional().describe("An asset id: changes that affect that asset"),
  from: instant.optional().describe("With `to`: changes whose planned slot overlaps [from, to)"),
  to: instant.optional(),
  q: z
    .string()
    .optional()
    .describe("Text in the title or number; a full number (CHG-2027-42) matches exactly"),
  sort: z.enum(CHANGE_SORTS).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

const idPath = z.object({ id: z.uuid().describe("The change id") });
const ok = { 200: { description: "The change after the transition", schema: changeResponse } };
const transition = (
  summary: string,
  description: string,
  body?: z.ZodType,
  errors = [403, 404, 409, 422],
) => ({
  post: { summary, description, path: idPath, ...(body ? { body } : {}), responses: ok, errors },
});

export default definePaths(
  "changes",
  {
    "/api/v1/changes": {
      get: {
        summary: "Change requests visible to the caller",
        description:
          "A change is visible when the caller holds a role at every site of its assets. Keyset-paginated and sorted on the server.",
        query: listQuery,
        responses: { 200: { description: "A page of changes", schema: page(changeListItemResponse) } },
        errors: [422],
      },
      post: {
        summary: "Create a draft",
        description:
          "Requester or change manager at every affected asset's site. Accepts an Idempotency-Key header.",
        headers: [
          {
            name: "Idempotency-Key",
            description: "Replays the first answer when a retried request carries the same key",
          },
        ],
        body: createChangeSchema,
        responses: { 201: { description: "The draft, with id, number and version", schema: changeResponse } },
        errors: [400, 403, 409, 413, 422],
      },
    },
    "/api/v1/changes/{id}": {
      get: {
        summary: "A change with its required sign-offs, sign-offs and available actions",
        path: idPath,
        responses: { 200: { description: "The change", schema: changeResponse } },
        errors: [404],
      },
      patch: {
        summary: "Edit a draft, submitted or approved change",
        description:
          "Scope edits supersede every sign-off of the round, a slot move those of operations and change board; an approved change that loses a needed sign-off returns to submitted. " +
          "428 without If-Match, 409 with {currentVersion, updatedBy, updatedAt} when someone else changed it first.",
        path: idPath,
        headers: [{ name: "If-Match", description: 'The version you read, e.g. "3"', required: true }],
        body: updateChangeSchema,
        responses: { 200: { description: "The edited change", schema: changeResponse } },
        errors: [400, 403, 404, 409, 413, 422, 428],
      },
    },
    "/api/v1/changes/{id}/submit": transition(
      "Submit for approval",
      "Refused with field errors while something mandatory is missing, with reasons when the slot conflicts with the schedule.",
    ),
    "/api/v1/changes/{id}/cancel": transition(
      "Cancel (before implementation starts)",
      "Optional body {reason}.",
      transitionReasonSchema,
    ),
    "/api/v1/changes/{id}/revise": transition(
      "Back to draft",
      "A rejected change gets a new approval round; an approved one keeps its round. Optional body {reason}.",
      transitionReasonSchema,
    ),
    "/api/v1/changes/{id}/start": transition(
      "Start implementation through the deployment gate",
      "409 problem with reasons [{code, message}] when the gate refuses. Every decision is in the audit trail.",
    ),
    "/api/v1/changes/{id}/complete": transition(
      "Record the outcome",
      "Notes are required when the outcome is failed or rolled_back. A security patch or firmware update reported as success needs `integrity` (NERC CIP-010 R1.6): the installed file's name and its SHA-256 as computed against the vendor's published SHA-256, or the result of the vendor signature check. Missing → 422 (errors path `integrity`); a SHA-256 that does not match or a signature that did not verify → 422 with reasons [{code: integrity_mismatch}], recorded in the audit trail as `change.integrity_refused`, and the change stays in progress.",
      completeChangeSchema,
    ),
    "/api/v1/changes/{id}/close": transition(
      "Post-implementation review and closure",
      "baselineUpdates write the new versions to the assets (audited asset edits). The PSSR must be signed where safety signed.",
      closeChangeSchema,
    ),
    "/api/v1/changes/{id}/signoffs": {
      post: {
        summary: "Sign (approve or reject; role pssr for the pre-startup safety review)",
        description:
          "The password re-authenticates the signer; a wrong one is refused (422) and counts toward the account lockout (429 when locked). " +
          "Breaking change of the v1 body: `contentHash` is required and must be the change's `contentHash` as the signer was shown it (422 when missing). " +
          "When the change was edited since, the answer is 409 with type `https://interlock.invalid/problems/stale-content`, a detail naming who edited it and when, `updatedBy`, `updatedAt` and `currentContentHash`; nothing is recorded. " +
          "The assigned implementer, the requester and anyone who edited the scope after submission are refused (403). " +
          "An account made by single sign-on has no Interlock password and signs only in the portal, through the identity provider's re-authentication: it is refused here (403) before any password is checked. " +
          'A security approval of a security patch or firmware update whose `vendorQualified` is false must acknowledge it: `acknowledged: ["vendor_not_qualified"]` (the change\'s `signOptions[].acknowledge` lists what to acknowledge); without it 422 (errors path `acknowledged`), checked before the password. The acknowledgement is stored with the sign-off, in its meaning and in the audit trail.',
        path: idPath,
        body: signoffInputSchema,
        responses: { 201: { description: "The change with the new sign-off", schema: changeResponse } },
        errors: [400, 403, 404, 409, 422, 429],
      },
    },
    "/api/v1/changes/{id}/extensions": {
      post: {
        summary: "Ask for a later expiry of a temporary change in place",
        description:
          "Once a temporary change is implemented and until its revert closes (before that, edit `temporaryUntil`: it is signed content). " +
          "The extension needs the sign-offs that approved the change in its round, each bound to the extension's `contentHash`; until then the expiry stays. " +
          "An expiry in the past or not later than the current one: 422 on `until`. One pending extension at a time (409).",
        path: idPath,
        body: extendTemporarySchema,
        responses: { 201: { description: "The change, its extension pending", schema: changeResponse } },
        errors: [400, 403, 404, 409, 422],
      },
    },
    "/api/v1/changes/{id}/extensions/signoffs": {
      post: {
        summary: "Sign the pending expiry extension (approve or reject)",
        description:
          "As a change's sign-off: the password re-authenticates the signer, `contentHash` must be the extension's (409 otherwise). " +
          "The requester of the change or the extension and the implementer are refused (403), as is a second role from one person; a role lent by a delegation does not sign extensions. " +
          "A rejection decides it; the last approval applies the new expiry (`temporary.expiresAt`), which the revert's due time and the reminders follow.",
        path: idPath,
        body: extensionSignoffSchema,
        responses: { 201: { description: "The change with the new sign-off", schema: changeResponse } },
        errors: [400, 403, 404, 409, 422, 429],
      },
    },
    "/api/v1/changes/{id}/gate": {
      get: {
        summary: "The deployment gate's decision now or at ?at= (dry run)",
        description:
          "Evaluated for the caller as the one who would start it; recorded in the gate-check log (GET /api/v1/audit/gate-checks), outside the hash-chained trail, so tools may poll. Identical consecutive answers to one caller within a minute are one entry with a count.",
        path: idPath,
        query: z.object({ at: instant.optional() }),
        responses: { 200: { description: "The decision", schema: gateDecision } },
        errors: [404, 422],
      },
    },
    "/api/v1/changes/{id}/history": {
      get: {
        summary: "The change's audit events, oldest first",
        path: idPath,
        query: paginationQuery,
        responses: { 200: { description: "A page of events", schema: page(historyEvent) } },
        errors: [404, 422],
      },
    },
    "/api/v1/approvals": {
      get: {
        summary: "Changes awaiting the caller's sign-off, oldest first",
        description: "Emergency retrospective sign-offs carry their due time and an overdue flag.",
        responses: { 200: { description: "The inbox (one page)", schema: page(inboxItem) } },
      },
    },
  },
  "Change requests: lifecycle, electronic sign-offs and the deployment gate",
);
