import { z } from "zod";
import { MAX_PERIOD_DAYS } from "@/lib/schemas/compliance";
import { definePaths, instant, named } from "../registry";

/** A whole UTC day or an instant, as the period's bounds accept. */
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const period = z.object({
  site: z.string().optional().describe("Site code; without it, every site where the caller audits."),
  from: dateOrInstant
    .optional()
    .describe("A date (2027-01-01, UTC) or an instant; the period's start. Default: 90 days before `to`."),
  to: dateOrInstant
    .optional()
    .describe(
      `A date (inclusive: the end of that day, UTC) or an instant. Default: now. At most ${MAX_PERIOD_DAYS} days.`,
    ),
});

const bucket = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  figure: z.string().describe("Key into `figures`: the changes behind this count."),
});
const leadTime = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});

const complianceReport = named(
  "ComplianceReport",
  z.object({
    period: z.object({ from: instant, to: instant }),
    site: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
    sites: z.array(z.string()),
    generatedAt: instant,
    started: z
      .object({
        total: z.number().int(),
        withAllSignoffs: z.number().int(),
        withoutSignoffs: z.array(
          z.object({
            changeId: z.uuid(),
            number: z.string(),
            startedAt: instant,
            problems: z.array(z.string()),
          }),
        ),
        mismatches: z.array(
          z.object({
            changeId: z.uuid(),
            number: z.string(),
            kind: z.enum(["no_start_event", "not_started_in_table", "started_before_gate"]),
            message: z.string(),
            trailAt: instant.nullable(),
            tableAt: instant.nullable(),
          }),
        ),
      })
      .describe(
        "Changes started in the period according to the audit trail alone (each change's events replayed up to its start), how many had every required sign-off valid at that moment, and every disagreement with the change table.",
      ),
    gateRefusals: z.object({ total: z.number().int(), byReason: z.array(bucket) }),
    emergency: z.object({
      total: z.number().int(),
      retrospective: z.object({
        on_time: z.number().int(),
        late: z.number().int(),
        overdue: z.number().int(),
        pending: z.number().int(),
      }),
      items: z.array(
        z.object({ changeId: z.uuid(), number: z.string(), role: z.string(), status: z.string() }),
      ),
    }),
    awaitingPssr: z.object({ total: z.number().int() }),
    baselineLate: z
      .object({ total: z.number().int() })
      .describe("CIP-010 R1.3: baseline updated more than 30 days after implementation."),
    leadTimes: z.object({ submitToApproved: leadTime, approvedToStarted: leadTime }),
    byType: z.array(bucket),
    byRisk: z.array(bucket),
    byOutcome: z.array(bucket),
    figures: z.record(z.string(), z.array(z.uuid())),
    changes: z.record(z.string(), z.object({ id: z.uuid(), number: z.string(), title: z.string() })),
  }),
);

export default definePaths(
  "compliance",
  {
    "/api/v1/compliance": {
      get: {
        summary: "Compliance figures for a period (auditors and change managers)",
        query: period,
        responses: { 200: { description: "The figures", schema: complianceReport } },
        errors: [403, 404, 422],
      },
    },
    "/api/v1/evidence": {
      get: {
        summary: "Evidence pack of a period: one streamed ZIP (auditors)",
        description:
          "compliance/figures.csv (every dashboard figure with the changes behind it), compliance/mismatches.csv, " +
          "compliance/starts-without-signoffs.csv, compliance/report.json, records/<number>.pdf for every change started or closed in the period, " +
          "audit/events.csv (the period's trail), audit/verification.json, and manifest.json `{files: [{path, sha256}]}` listing every other file. " +
          "Needs the auditor role; the pack is recorded as an audit.export event.",
        query: period,
        responses: {
          200: {
            description: "A ZIP attachment",
            contentType: "application/zip",
            schema: z.string(),
          },
        },
        errors: [403, 404, 422],
      },
    },
    "/api/v1/changes/{id}/record.pdf": {
      get: {
        summary: "The change record as a PDF",
        description:
          "Every field, the affected assets with versions before and after, each sign-off with printed name, role, meaning, UTC and site-local time " +
          "(superseded ones marked), gate decisions, the full history, and the id and hash of the change's last audit event. " +
          "Anyone who may see the change may read it; a change at a site the caller cannot see is 404.",
        responses: {
          200: {
            description: "A PDF attachment",
            contentType: "application/pdf",
            schema: z.string(),
            headers: {
              "X-Interlock-Last-Event": {
                description: "Id of the change's newest audit event",
                schema: { type: "integer" },
              },
            },
          },
        },
        errors: [404],
      },
    },
  },
  "The auditor's view: compliance figures, evidence packs and change records",
);
