import { z } from "zod";
import { MAX_AUDIT_PAGE } from "@/lib/schemas/audit";
import { GATE_CHECK_ANSWERS } from "@/lib/schemas/gate-checks";
import { definePaths, instant, named, page } from "../registry";
import { exportAttachment } from "./audit";

const filters = {
  site: z.string().optional().describe("Site code, e.g. GCR: checks of changes touching that site."),
  change: z
    .string()
    .optional()
    .describe("A change number (CHG-2026-00006); unknown or invisible answers 404."),
  actor: z.string().optional().describe("The caller's email."),
  answer: z.enum(GATE_CHECK_ANSWERS).optional().describe("Only allowed or only refused answers."),
  from: instant.optional().describe("Entries whose last answer is at or after this instant."),
  to: instant.optional().describe("Entries whose first answer is before this instant."),
};

export const gateCheckResponse = named(
  "GateCheck",
  z.object({
    id: z.number().int().describe("Newer entries have larger ids."),
    changeId: z.uuid(),
    changeNumber: z.string(),
    siteCode: z.string().describe("The change's first site."),
    timeZone: z.string().describe("That site's IANA time zone."),
    actorEmail: z.string(),
    actorName: z.string().nullable(),
    via: z.enum(["session", "token", "cli"]).describe("The portal, an API token or the command line."),
    tokenId: z.uuid().nullable(),
    tokenName: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    askedFor: instant
      .nullable()
      .describe("The instant asked about with ?at=; null for the moment of asking."),
    allowed: z.boolean(),
    reasons: z.array(z.object({ code: z.string(), message: z.string() })),
    changeState: z.string(),
    changeVersion: z.number().int(),
    firstAt: instant.describe("The first answer of this entry."),
    lastAt: instant.describe("The last identical answer counted into it."),
    count: z
      .number()
      .int()
      .describe("Identical consecutive answers to this caller within a minute of the first."),
  }),
);

const SCOPE =
  "The gate-check log holds every dry run of the deployment gate (GET /api/v1/changes/{id}/gate and the portal's start dialog), " +
  "outside the hash-chained trail; real start attempts are gate.decision events in the trail. Readers are auditors and change managers " +
  "of every site of the change. Append-only in the database: the only write after an insert counts another identical answer.";

export default definePaths(
  "gate-checks",
  {
    "/api/v1/audit/gate-checks": {
      get: {
        summary: "The gate-check log (dry runs of the deployment gate), newest first",
        description: SCOPE,
        query: z.object({
          ...filters,
          limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50).describe("Page size."),
          cursor: z.string().max(500).optional().describe("The nextCursor of the previous page."),
        }),
        responses: { 200: { description: "A page of gate checks", schema: page(gateCheckResponse) } },
        errors: [403, 404, 422],
      },
    },
    "/api/v1/audit/gate-checks/export": {
      get: {
        summary: "Download the filtered gate-check log as CSV or JSON (auditors)",
        description: `${SCOPE} Export needs the auditor role; it is recorded in the trail as an audit.export event.`,
        query: z.object({ format: z.enum(["csv", "json"]).default("csv"), ...filters }),
        responses: {
          200: exportAttachment(
            "An attachment: CSV (UTF-8 with BOM) or a JSON array of GateCheck",
            "interlock-gate-checks-…",
            "entry",
          ),
        },
        errors: [403, 404, 422],
      },
    },
  },
  "The gate-check log: dry runs of the deployment gate",
);
