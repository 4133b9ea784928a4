import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_ACTION_GROUPS, MAX_AUDIT_PAGE } from "@/lib/schemas/audit";
import { MAX_EXPORT_ROWS } from "@/lib/services/audit/limits";
import { definePaths, instant, named, page } from "../registry";

const action = z.enum([...AUDIT_ACTIONS, ...AUDIT_ACTION_GROUPS.map((g) => `${g}.`)]);

/** The filters as the API takes them; lib/schemas/audit.ts holds the rules that enforce them. */
const filters = {
  site: z
    .string()
    .optional()
    .describe(
      "Site code, e.g. GCR. Without it: every site where the caller may read the trail, plus site-less events about its people.",
    ),
  object: z.string().optional().describe('An object type ("change") or type and id ("change:<id>").'),
  objectType: z.string().optional().describe("The object type, as an alternative to `object`."),
  objectId: z.string().optional().describe("The object id; needs objectType."),
  actor: z.string().optional().describe("The acting user's email."),
  action: action.optional().describe('One action ("auth.login") or a group ending in a dot ("change.").'),
  from: instant.optional().describe("Events at or after this instant."),
  to: instant.optional().describe("Events before this instant."),
};

export const auditEventResponse = named(
  "AuditEvent",
  z.object({
    id: z.number().int().describe("Position in the hash chain; newer events have larger ids."),
    at: instant,
    siteCode: z.string().nullable().describe("Null for site-less events such as sign-ins."),
    timeZone: z.string().nullable().describe("The site's IANA time zone."),
    actorId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    objectLabel: z.string().nullable().describe("A change's number or an asset's tag."),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
    before: z.unknown().describe("Field values before the event (edits: only the fields that changed)."),
    after: z.unknown().describe("Field values after the event."),
    hash: z.string().describe("SHA-256 chain hash of this event."),
  }),
);

const SCOPE =
  "Readers are auditors and change managers: they see events at their sites, and site-less events (sign-ins, user administration, tokens) " +
  "whose actor or subject holds a role at one of their sites, or is themselves.";

export default definePaths(
  "audit",
  {
    "/api/v1/audit": {
      get: {
        summary: "Audit events, newest first",
        description: SCOPE,
        query: z.object({
          ...filters,
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(MAX_AUDIT_PAGE)
            .default(50)
            .describe(`Page size (default 50, at most ${MAX_AUDIT_PAGE}).`),
          cursor: z.string().max(500).optional().describe("The nextCursor of the previous page."),
        }),
        responses: { 200: { description: "A page of events", schema: page(auditEventResponse) } },
        errors: [403, 404, 422],
      },
    },
    "/api/v1/audit/export": {
      get: {
        summary: "Download the filtered trail as CSV or JSON (auditors)",
        description:
          `${SCOPE} Export needs the auditor role and covers the sites where the caller is auditor. ` +
          `At most ${MAX_EXPORT_ROWS.toLocaleString("en-US")} events, newest first; X-Interlock-Export-Truncated says when more matched. ` +
          "format=json answers a JSON array of AuditEvent. Every export is itself recorded as an audit.export event with its filter.",
        query: z.object({ format: z.enum(["csv", "json"]).default("csv"), ...filters }),
        responses: {
          200: {
            description:
              "An attachment: CSV (UTF-8 with BOM, one line per event, before/after as JSON text) or a JSON array",
            contentType: "text/csv",
            schema: z.string(),
            headers: {
              "Content-Disposition": {
                description: 'attachment; filename="interlock-audit-…"',
                schema: { type: "string" },
              },
              "X-Interlock-Export-Rows": { description: "Events in the file", schema: { type: "integer" } },
              "X-Interlock-Export-Truncated": {
                description: `"true" when more than ${MAX_EXPORT_ROWS} events matched`,
                schema: { type: "string" },
              },
            },
          },
        },
        errors: [403, 404, 422],
      },
    },
  },
  "The audit trail: filtered reading and export",
);
