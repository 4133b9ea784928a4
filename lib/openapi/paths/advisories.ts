import { z } from "zod";
import { ADVISORY_STATUSES, decideApplicabilitySchema, decideMatchSchema } from "@/lib/schemas/advisories";
import { changeResponse } from "./changes";
import { definePaths, instant, named } from "../registry";

const id = z.object({ id: z.uuid().describe("Advisory id") });
const status = z.enum(["affected", "not_affected", "unknown"]);
const priority = z
  .object({
    level: z.enum(["urgent", "high", "medium", "low"]),
    score: z.number().int(),
    factors: z.array(
      z.object({ factor: z.string(), value: z.string(), points: z.number(), detail: z.string() }),
    ),
    note: z.string().nullable(),
  })
  .describe("OT priority: known exploited, CVSS, the asset's exposure, criticality and safety role.");

const match = named(
  "AdvisoryMatch",
  z.object({
    assetId: z.uuid(),
    siteCode: z.string(),
    tag: z.string(),
    status: status.describe(
      "What counts: a person's decision where the rules said unknown, else the rules' verdict",
    ),
    reason: z.string().describe("Which product leaf, which rule, which version comparison"),
    ruleStatus: status,
    rule: z.string(),
    cves: z.array(z.string()),
    decision: z
      .object({
        status: z.enum(["affected", "not_affected"]),
        reason: z.string(),
        decidedByName: z.string(),
        decidedAt: instant,
      })
      .nullable(),
    priority: priority.nullable().optional(),
  }),
);

const kev = z
  .object({
    dateAdded: z.string(),
    dueDate: z.string(),
    requiredAction: z.string(),
    ransomware: z.boolean(),
    catalogVersion: z.string(),
  })
  .nullable();
const cve = z.object({
  cve: z.string(),
  title: z.string().nullable(),
  cwe: z.object({ id: z.string(), name: z.string() }).nullable(),
  cvss: z.number().nullable().describe("CVSS v3 base score"),
  cvssVector: z.string().nullable(),
  knownExploited: z.boolean(),
  kev: kev.describe("The CISA KEV entry, when the CVE is in the imported catalog"),
});
const reviewStatus = z.enum([...ADVISORY_STATUSES]);

const summary = named(
  "AdvisorySummary",
  z.object({
    id: z.uuid(),
    trackingId: z.string(),
    revision: z.string(),
    title: z.string(),
    publisher: z.string(),
    vendors: z.array(z.string()),
    releasedAt: instant.nullable(),
    importedAt: instant,
    cves: z.array(cve),
    knownExploited: z.boolean(),
    affected: z.number().int(),
    unknown: z.number().int(),
    siteCodes: z.array(z.string()),
    status: reviewStatus,
    dueAt: instant.nullable().describe("CIP-007 R2: the next thing due (decision, fix or plan, plan target)"),
    overdue: z.boolean(),
    priority: priority.nullable(),
  }),
);

const advisory = named(
  "Advisory",
  z.object({
    id: z.uuid(),
    trackingId: z.string(),
    revision: z.string(),
    title: z.string(),
    publisher: z.string(),
    tlp: z.string().nullable(),
    releasedAt: instant.nullable(),
    initialReleaseDate: instant.nullable(),
    currentReleaseDate: instant.nullable(),
    importedAt: instant,
    cves: z.array(cve),
    remediations: z.array(
      z.object({
        category: z.string(),
        details: z.string(),
        url: z.string().nullable(),
        cves: z.array(z.string()),
        products: z
          .array(z.string())
          .describe(
            'Product names as the advisory writes them, versions in words; a product id the document names nowhere reads "<id> (the advisory gives no name)"',
          ),
      }),
    ),
    references: z.array(z.object({ url: z.string(), summary: z.string(), category: z.string().nullable() })),
    revisions: z.array(
      z.object({
        revision: z.string(),
        importedAt: instant,
        delta: z
          .object({
            newProducts: z.array(z.string()).describe("Product leaves by full name and version"),
            newCves: z.array(z.string()),
            newRemediations: z.array(z.string()).describe('"category: details" of each new remediation'),
          })
          .nullable()
          .describe("What this revision added to the previous one; null for the first"),
      }),
    ),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    status: reviewStatus,
    sites: z.array(
      z.object({
        siteCode: z.string(),
        applicable: z.boolean().nullable(),
        decisionReason: z.string().nullable(),
        decidedAt: instant.nullable(),
        plan: z
          .object({
            actions: z.string(),
            targetDate: instant,
            approverName: z.string(),
            approverEmail: z.string(),
            recordedAt: instant,
          })
          .nullable(),
        status: reviewStatus,
        dueAt: instant.nullable(),
        overdue: z.boolean(),
      }),
    ),
    changes: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        title: z.string(),
        state: z.string(),
        type: z.string(),
        kind: z.enum(["fix", "mitigation"]),
        assetIds: z.array(z.uuid()),
      }),
    ),
    matches: z.array(match),
  }),
);

const delta = z
  .object({
    newProducts: z.array(z.string()),
    newCves: z.array(z.string()),
    newRemediations: z.array(z.string()),
  })
  .nullable();

const importResult = named(
  "AdvisoryImport",
  z.object({
    advisory: z.object({
      id: z.uuid(),
      trackingId: z.string(),
      revision: z.string(),
      title: z.string(),
      cves: z.array(z.string()),
    }),
    outcome: z.enum(["created", "updated", "unchanged"]),
    delta: delta.describe("What a newer revision added"),
    matches: z
      .array(match)
      .describe("Every inventory asset of the advisory's vendors that the caller can see"),
  }),
);

const intake = { errors: [403, 409, 413, 422] };

export default definePaths(
  "advisories",
  {
    "/api/v1/advisories/import": {
      post: {
        summary: "Import a CSAF 2.0 advisory",
        description:
          "Validated with the CSAF schema and mandatory tests. The same tracking id and revision again: 200, nothing changes. A newer revision: 201, the old one is kept and `delta` says what changed. An older revision: 409. Not JSON, not CSAF, truncated, no products: 422 naming the problem. Over 10 MB: 413. Security approvers only.",
        bodyContentType: "application/json",
        body: z
          .record(z.string(), z.unknown().describe("Any member the CSAF 2.0 schema allows"))
          .describe("The CSAF 2.0 document"),
        headers: [{ name: "Idempotency-Key", description: "Replays the first answer on retry" }],
        responses: {
          200: { description: "That revision was already imported", schema: importResult },
          201: { description: "Imported or updated", schema: importResult },
        },
        ...intake,
      },
    },
    "/api/v1/advisories": {
      get: {
        summary: "Imported advisories with matches, priority and CIP-007 R2 due dates",
        query: z.object({
          site: z.string().optional().describe("Site code with affected or undecided assets"),
          vendor: z.string().optional(),
          status: reviewStatus.optional(),
          due: z.enum(["overdue", "next30"]).optional(),
          kev: z.enum(["yes"]).optional().describe("Only advisories with a known-exploited CVE"),
          sort: z.enum(["priority", "imported", "released", "due"]).optional(),
        }),
        responses: {
          200: {
            description: "All matching advisories",
            schema: z.object({ items: z.array(summary), nextCursor: z.null() }),
          },
        },
        errors: [422],
      },
    },
    "/api/v1/advisories/{id}": {
      get: {
        summary:
          "One advisory: CVEs with scores and KEV marks, remediations, matches, site reviews, drafted changes",
        path: id,
        responses: { 200: { description: "The advisory", schema: advisory } },
        errors: [404],
      },
    },
    "/api/v1/advisories/{id}/draft-changes": {
      post: {
        summary: "Draft one change per site with affected assets",
        description:
          "A security patch or firmware update where the vendor gives a fix, else a configuration or firewall-rule mitigation; the vendor's remediation in the plan, the advisory and CVE ids as references. Sites already covered are listed in `skipped`.",
        path: id,
        responses: {
          200: {
            description: "Nothing to draft",
            schema: z.object({
              changes: z.array(changeResponse),
              skipped: z.array(z.object({ siteCode: z.string(), reason: z.string() })),
            }),
          },
          201: {
            description: "Changes drafted (Change resources)",
            schema: z.object({
              changes: z.array(changeResponse),
              skipped: z.array(z.object({ siteCode: z.string(), reason: z.string() })),
            }),
          },
        },
        errors: [403, 404, 409, 422],
      },
    },
    "/api/v1/advisories/{id}/decisions": {
      post: {
        summary:
          "Decide a match the rules left unknown (security approver or change manager at the asset's site)",
        path: id,
        body: named("DecideMatch", decideMatchSchema),
        responses: {
          201: {
            description: "Recorded",
            schema: z.object({ assetId: z.uuid(), status: z.string(), reason: z.string() }),
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
    },
    "/api/v1/advisories/{id}/applicability": {
      post: {
        summary: "CIP-007 R2 applicability decision at one site",
        path: id,
        body: named("DecideApplicability", decideApplicabilitySchema),
        responses: {
          201: {
            description: "Recorded",
            schema: z.object({ siteCode: z.string(), applicable: z.boolean(), decidedAt: instant }),
          },
        },
        errors: [400, 403, 404, 422],
      },
    },
    "/api/v1/advisories/{id}/mitigation-plan": {
      post: {
        summary: "Record a dated mitigation plan (actions, target date, approving change manager)",
        path: id,
        body: z.object({
          siteCode: z.string(),
          actions: z.string(),
          targetDate: instant,
          approverEmail: z.email(),
        }),
        responses: {
          201: {
            description: "Recorded",
            schema: z.object({ siteCode: z.string(), targetDate: instant, approverName: z.string() }),
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
    },
    "/api/v1/advisories/{id}/mitigation-plan/extensions": {
      post: {
        summary:
          "Extend a mitigation plan's target date: a change manager's electronic signature (password re-entered)",
        path: id,
        body: z.object({
          siteCode: z.string(),
          targetDate: instant,
          reason: z.string(),
          password: z.string(),
        }),
        responses: {
          201: {
            description: "Signed and recorded",
            schema: z.object({
              id: z.uuid(),
              newTargetDate: instant,
              signerName: z.string(),
              meaning: z.string(),
            }),
          },
        },
        errors: [400, 403, 404, 409, 422, 429],
      },
    },
    "/api/v1/kev/import": {
      post: {
        summary: "Import CISA's Known Exploited Vulnerabilities catalog",
        description:
          "The same catalog version again: 200 with `changed: false`. An older version than the one imported: 409. Not the catalog: 422.",
        body: z.object({
          catalogVersion: z.string(),
          dateReleased: instant,
          count: z.number().int(),
          vulnerabilities: z.array(
            z.record(z.string(), z.unknown().describe("A member of the catalog entry, as CISA publishes it")),
          ),
        }),
        responses: {
          200: {
            description: "Already imported",
            schema: named(
              "KevImport",
              z.object({
                catalogVersion: z.string(),
                count: z.number().int(),
                changed: z.boolean(),
                added: z.number().int(),
                removed: z.number().int(),
              }),
            ),
          },
          201: {
            description: "Imported; advisories now show knownExploited per CVE",
            schema: z.object({
              catalogVersion: z.string(),
              count: z.number().int(),
              changed: z.boolean(),
              added: z.number().int(),
              removed: z.number().int(),
            }),
          },
        },
        ...intake,
      },
    },
  },
  "Threat intelligence: CSAF advisories matched to the inventory, CISA KEV, CIP-007 R2 clocks",
);
