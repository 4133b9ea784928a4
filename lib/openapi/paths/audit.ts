import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_ACTION_GROUPS, MAX_AUDIT_PAGE } from "@/lib/schemas/audit";
import { definePaths, instant, named, page, type ResponseSpec } from "../registry";

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
  ref: z
    .string()
    .optional()
    .describe(
      "A change number (CHG-2026-00006), an asset tag or an id; an unknown change number answers 404.",
    ),
  q: z.string().optional().describe("Text the event's reason contains (case-insensitive)."),
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

/** A streamed CSV/JSON download as the export endpoints answer it. */
export function exportAttachment(description: string, filename: string, row: string): ResponseSpec {
  return {
    description,
    contentType: "text/csv",
    schema: z.string(),
    headers: {
      "Content-Disposition": {
        description: `attachment; filename="${filename}"`,
        schema: { type: "string" },
      },
      "X-Interlock-Export-Up-To-Id": {
        description: `The newest ${row} id the export covers`,
        schema: { type: "integer" },
      },
    },
  };
}

const checkpoint = named(
  "AuditCheckpoint",
  z.object({
    id: z.number().int(),
    at: instant,
    eventId: z.number().int().describe("The sealed event"),
    eventHash: z.string().describe("Its chain hash when sealed"),
    keyId: z.string().describe("Names the signing key without revealing it"),
    mac: z.string().describe("HMAC-SHA256 over event id, hash and time"),
    reason: z.string().describe('"hourly" or "on demand"'),
    actorEmail: z.string().nullable(),
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
          "Every matching event, newest first, streamed from a cursor (no row cap); events appended while it streams are left out (X-Interlock-Export-Up-To-Id names the newest included). " +
          "format=json answers a JSON array of AuditEvent. Every export is itself recorded as an audit.export event with its filter.",
        query: z.object({ format: z.enum(["csv", "json"]).default("csv"), ...filters }),
        responses: {
          200: exportAttachment(
            "An attachment: CSV (UTF-8 with BOM, one line per event, before/after as JSON text) or a JSON array",
            "interlock-audit-…",
            "event",
          ),
        },
        errors: [403, 404, 422],
      },
    },
    "/api/v1/audit/verify": {
      get: {
        summary: "Verify the hash chain and its signed checkpoints (administrators and auditors)",
        description:
          "Recomputes every event's hash and link in id order and checks each checkpoint's HMAC and that the event it sealed still has the sealed hash. " +
          "With from/to only the events of that period (and the checkpoints sealing them) are checked.",
        query: z.object({
          from: instant.optional().describe("Verify events at or after this instant."),
          to: instant.optional().describe("Verify events before this instant."),
        }),
        responses: {
          200: {
            description: "The verdict; on a break, the first problem in words and the neighbouring events",
            schema: named(
              "AuditVerification",
              z.object({
                ok: z.boolean(),
                checked: z.number().int().describe("Events checked"),
                checkpointsChecked: z.number().int(),
                firstBrokenId: z.number().int().nullable(),
                broken: z
                  .object({
                    kind: z.enum([
                      "gap",
                      "link",
                      "hash",
                      "checkpoint_hash",
                      "checkpoint_signature",
                      "checkpoint_other_key",
                      "checkpoint_missing_event",
                    ]),
                    eventId: z.number().int(),
                    checkpointId: z.number().int().nullable(),
                    message: z.string(),
                  })
                  .nullable(),
                range: z.object({ fromId: z.number().int(), toId: z.number().int() }).nullable(),
                keyConfigured: z.boolean(),
                lastCheckpoint: z
                  .object({ id: z.number().int(), eventId: z.number().int(), at: instant })
                  .nullable(),
                ms: z.number().int().describe("Time taken, in milliseconds"),
                period: z.object({ from: instant.nullable(), to: instant.nullable() }),
                neighbours: z.array(z.object({ id: z.number().int(), event: auditEventResponse.nullable() })),
              }),
            ),
          },
        },
        errors: [403, 422],
      },
    },
    "/api/v1/audit/checkpoints": {
      get: {
        summary: "Download every checkpoint (administrators and auditors)",
        description: "Keep a copy outside the portal: each entry names the hash its event must still have.",
        responses: { 200: { description: "Newest first", schema: z.object({ items: z.array(checkpoint) }) } },
        errors: [403],
      },
      post: {
        summary: "Seal the chain head now (administrators and auditors)",
        responses: { 201: { description: "The new checkpoint", schema: checkpoint } },
        errors: [403, 409],
      },
    },
    "/api/v1/admin/backup": {
      get: {
        summary: "A consistent snapshot of the embedded database (administrators)",
        description:
          "PGlite's data folder as a gzipped tar, taken by the server that holds it; `npm run interlock -- backup` uses it while the server runs. PostgreSQL answers 422: use pg_dump.",
        responses: {
          200: {
            description: "application/gzip attachment",
            contentType: "application/gzip",
            schema: z.string(),
          },
        },
        errors: [403, 422],
      },
    },
  },
  "The audit trail: filtered reading and export",
);
