import { z } from "zod";
import { PRODUCTION_IMPACTS, RUN_CRITICALITIES, RUN_KINDS, WINDOW_KINDS } from "@/lib/domain/constants";
import {
  MAX_RANGE_DAYS,
  RUN_CSV_COLUMNS,
  cancelOccurrenceSchema,
  checkSlotSchema,
  endSeriesSchema,
  runCreateSchema,
  runUpdateSchema,
  windowCreateSchema,
  windowUpdateSchema,
} from "@/lib/schemas/schedule";
import { definePaths, instant, named, page, paginationQuery } from "../registry";

const localIso = z.string().describe("Site-local time with its offset, e.g. 2027-03-14T01:00:00.000-06:00");
const conflictCode = z.enum([
  "outside_window",
  "blackout_active",
  "asset_busy",
  "redundancy_lost",
  "production_conflict",
]);

export const windowResponse = named(
  "Window",
  z.object({
    id: z.uuid(),
    siteCode: z.string(),
    kind: z.enum(WINDOW_KINDS),
    title: z.string(),
    areaCodes: z.array(z.string()).describe("Empty: the whole site"),
    start: z.string().describe("Site-local start of the first occurrence, YYYY-MM-DDTHH:mm"),
    durationMinutes: z.number().int(),
    rrule: z.string().nullable().describe("RFC 5545 RRULE body, expanded in site-local time"),
    until: z.string().nullable().describe("Inclusive site-local end of the series (date or date-time)"),
    cancelledOccurrences: z.array(z.string()).describe("Site-local nominal starts of cancelled occurrences"),
    timeZone: z.string(),
    summary: z.string().describe('e.g. "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2027"'),
    sequence: z
      .number()
      .int()
      .describe("Bumped on every change (ICS SEQUENCE); send as If-Match. Also in the ETag header."),
    updatedAt: instant,
  }),
);

const occurrence = named(
  "WindowOccurrence",
  z.object({
    windowId: z.uuid(),
    kind: z.enum(WINDOW_KINDS),
    title: z.string(),
    siteCode: z.string(),
    areaCodes: z.array(z.string()),
    start: instant,
    end: instant,
    localStart: localIso,
    localEnd: localIso,
    timeZone: z.string(),
    zoneAbbr: z.string().describe("Abbreviation at the start, e.g. CST"),
    recurrenceId: z.string().describe("Nominal site-local start; send it (or start) to cancel-occurrence"),
  }),
);

const runResponse = named(
  "ProductionRun",
  z.object({
    id: z.uuid(),
    siteCode: z.string(),
    areaCode: z.string(),
    title: z.string(),
    kind: z.enum(RUN_KINDS),
    criticality: z.enum(RUN_CRITICALITIES),
    start: instant,
    end: instant,
    localStart: localIso,
    localEnd: localIso,
    timeZone: z.string(),
    zoneAbbr: z.string(),
    opensWindow: z.boolean().describe("A turnaround counts as a maintenance window for its area"),
    sequence: z.number().int(),
  }),
);

const conflict = named(
  "ScheduleConflict",
  z.object({
    code: conflictCode,
    message: z.string().describe("Names the other object and the overlap in site-local time"),
    objectType: z.enum(["window", "change", "production_run", "asset"]).nullable(),
    objectId: z.string().nullable(),
    assetIds: z.array(z.uuid()),
    overlap: z.object({ start: instant, end: instant }).nullable(),
    blocking: z.boolean().describe("False only for clashes with changes that are merely scheduled"),
  }),
);

const rangeQuery = z.object({
  site: z.string().describe("Site code, e.g. GCR"),
  from: z.string().optional().describe("Instant (with Z/offset) or site-local time; default now"),
  to: z
    .string()
    .optional()
    .describe(
      `Instant (with Z/offset) or site-local time; default from + 31 days; at most ${MAX_RANGE_DAYS} days after from`,
    ),
  ...paginationQuery.shape,
});
const idPath = z.object({ id: z.uuid() });
const rowError = z.object({
  line: z.number().int().describe("Line in the file; the header is line 1"),
  column: z.string(),
  message: z.string(),
});
const runImport = named(
  "ProductionRunImport",
  z.object({
    dryRun: z.boolean(),
    valid: z.boolean(),
    count: z.number().int(),
    errors: z.array(rowError),
    runs: z.array(runResponse),
  }),
);
const etag = { ETag: { description: 'The sequence, quoted: "3"', schema: { type: "string" } } };
const ifMatch = [{ name: "If-Match", description: "The sequence last read; 409 when it changed since" }];

export default definePaths(
  "schedule",
  {
    "/api/v1/windows": {
      get: {
        summary: "Window and blackout occurrences in a range",
        description:
          "Recurring windows expanded in site-local time (DST-correct) into UTC occurrences overlapping [from, to).",
        query: rangeQuery,
        responses: {
          200: { description: "A page of occurrences, earliest first", schema: page(occurrence) },
        },
        errors: [403, 404, 422],
      },
      post: {
        summary: "Create a maintenance window or blackout (change managers)",
        description:
          "`start` without offset is site-local; with Z or an offset it is converted to site-local wall time.",
        headers: [{ name: "Idempotency-Key", description: "Replays the first response on retry" }],
        body: named("CreateWindow", windowCreateSchema),
        responses: { 201: { description: "Created", schema: windowResponse, headers: etag } },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/windows/{id}": {
      get: {
        summary: "One window definition",
        path: idPath,
        responses: { 200: { description: "The window", schema: windowResponse, headers: etag } },
        errors: [404],
      },
      patch: {
        summary: "Edit a window (change managers); bumps its sequence",
        path: idPath,
        headers: ifMatch,
        body: named("UpdateWindow", windowUpdateSchema),
        responses: { 200: { description: "Updated", schema: windowResponse, headers: etag } },
        errors: [400, 403, 404, 409, 413, 422],
      },
      delete: {
        summary: "Delete a window (soft; audited)",
        path: idPath,
        headers: ifMatch,
        query: z.object({ reason: z.string().max(500).optional() }),
        responses: { 204: { description: "Deleted" } },
        errors: [400, 403, 404, 409, 422],
      },
    },
    "/api/v1/windows/{id}/cancel-occurrence": {
      post: {
        summary: "Cancel one occurrence of a recurring window",
        description: "`occurrenceStart`: the occurrence's UTC start, or its site-local start.",
        path: idPath,
        headers: ifMatch,
        body: named("CancelOccurrence", cancelOccurrenceSchema),
        responses: {
          200: { description: "The window with the cancellation", schema: windowResponse, headers: etag },
        },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/windows/{id}/end-series": {
      post: {
        summary: "End a recurring window after a date",
        path: idPath,
        headers: ifMatch,
        body: named("EndSeries", endSeriesSchema),
        responses: {
          200: { description: "The window with its new end", schema: windowResponse, headers: etag },
        },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/production-runs": {
      get: {
        summary: "Production runs overlapping a range",
        query: rangeQuery,
        responses: { 200: { description: "A page of runs by start", schema: page(runResponse) } },
        errors: [403, 404, 422],
      },
      post: {
        summary: "Add a production run, campaign, batch or turnaround (change managers, operations)",
        headers: [{ name: "Idempotency-Key", description: "Replays the first response on retry" }],
        body: named("CreateProductionRun", runCreateSchema),
        responses: { 201: { description: "Created", schema: runResponse, headers: etag } },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/production-runs/{id}": {
      patch: {
        summary: "Edit a production run",
        path: idPath,
        headers: ifMatch,
        body: named("UpdateProductionRun", runUpdateSchema),
        responses: { 200: { description: "Updated", schema: runResponse, headers: etag } },
        errors: [400, 403, 404, 409, 413, 422],
      },
      delete: {
        summary: "Delete a production run (soft; audited)",
        path: idPath,
        headers: ifMatch,
        responses: { 204: { description: "Deleted" } },
        errors: [400, 403, 404, 409],
      },
    },
    "/api/v1/production-runs/import": {
      post: {
        summary: "Import the production schedule from CSV",
        description: `Columns ${RUN_CSV_COLUMNS.join(", ")} (a first column headed \`area\`, the deprecated name, is read as areaCode); times site-local unless they carry an offset. Send text/csv with ?site=CODE, or JSON {siteCode, csv, dryRun}. All or nothing: any bad row and nothing is written (422 with rowErrors).`,
        query: z.object({ site: z.string().optional(), dryRun: z.enum(["true", "false"]).optional() }),
        bodyContentType: "text/csv",
        body: z.string(),
        responses: {
          200: { description: "Dry run: what would be imported, or every problem", schema: runImport },
          201: { description: "Imported: the stored runs", schema: runImport },
        },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/calendar/{file}": {
      get: {
        summary: "RFC 5545 calendar feed of a site: {siteCode}.ics",
        description:
          "Windows and blackouts as recurring events in the site's TZID (with VTIMEZONE, EXDATE), and submitted, approved and in-progress changes. " +
          "Stable UIDs (window-<id>@interlock, change-<id>@interlock); SEQUENCE bumps on every change. " +
          "Calendar clients that cannot send headers use the secret URL from POST /api/v1/calendar-feeds (?feed=…).",
        path: z.object({ file: z.string().describe("Site code followed by .ics, e.g. GCR.ics") }),
        query: z.object({
          feed: z.string().optional().describe("Secret feed token, instead of a bearer token"),
        }),
        responses: { 200: { description: "The calendar", contentType: "text/calendar", schema: z.string() } },
        errors: [404],
      },
    },
    "/api/v1/calendar-feeds": {
      post: {
        summary: "Create the caller's secret calendar-feed URL (revokes the previous one)",
        responses: {
          201: {
            description: "The token and one URL per visible site; shown once",
            schema: named(
              "CalendarFeed",
              z.object({
                token: z.string(),
                createdAt: instant,
                feeds: z.array(z.object({ siteCode: z.string(), url: z.string() })),
              }),
            ),
          },
        },
        errors: [403],
      },
      delete: {
        summary: "Revoke the caller's calendar-feed URL",
        responses: {
          200: { description: "How many were revoked", schema: z.object({ revoked: z.number().int() }) },
        },
      },
    },
    "/api/v1/schedule/slots": {
      get: {
        summary: "Scheduling assistant: the next conflict-free slots (90 days ahead)",
        query: z.object({
          changeId: z.uuid().optional().describe("A saved change: its assets and planned duration"),
          assetIds: z.string().optional().describe("Comma-separated asset ids, for a draft"),
          durationMinutes: z.coerce.number().int().optional(),
          expectedDowntimeMinutes: z.coerce.number().int().optional(),
          productionImpact: z.enum(PRODUCTION_IMPACTS).optional(),
          from: instant.optional(),
        }),
        responses: {
          200: {
            description: "Up to 5 slots, earliest first",
            schema: z.object({
              slots: z.array(z.object({ start: instant, end: instant, localLabel: z.string() })),
              from: instant,
              until: instant,
              durationMinutes: z.number().int(),
            }),
          },
        },
        errors: [404, 422],
      },
    },
    "/api/v1/schedule/check": {
      post: {
        summary: "Every scheduling conflict of a proposed slot (nothing is written)",
        body: named("CheckSlot", checkSlotSchema),
        responses: {
          200: {
            description: "The conflicts; blocking tells whether submit or the gate would refuse",
            schema: z.object({ conflicts: z.array(conflict), blocking: z.boolean() }),
          },
        },
        errors: [400, 404, 413, 422],
      },
    },
  },
  "Maintenance windows, blackouts, production schedule, calendar feeds and the scheduling assistant.",
);
