import { z } from "zod";
import { PRODUCTION_IMPACTS, RUN_CRITICALITIES, RUN_KINDS, WINDOW_KINDS } from "@/lib/domain/constants";
import { validateRrule } from "@/lib/domain/schedule";
import { code, requiredLine, uuid } from "./common";

/**
 * A date-time as API.md defines it: with "Z" or an offset it is an instant; without, it is
 * wall time in the site's zone. The schema cannot know the zone, so it keeps the two apart
 * and the service resolves local values against the site.
 */
export type WhenInput = { local: string } | { instant: Date };

const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function realCalendarDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && y <= 9000 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const dateTimeSchema = (label: string) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .transform((value, ctx): WhenInput => {
      const m = DATE_TIME_RE.exec(value);
      const [hh, mm] = (m?.[2] ?? "99:99").split(":").map(Number) as [number, number];
      if (!m || !realCalendarDate(m[1]!) || hh > 23 || mm > 59) {
        ctx.addIssue({
          code: "custom",
          message: `${label} must be a date and time such as 2027-03-14T01:00 (site time) or 2027-03-14T07:00Z.`,
        });
        return z.NEVER;
      }
      if (m[4]) {
        const instant = new Date(value);
        if (Number.isNaN(instant.getTime())) {
          ctx.addIssue({ code: "custom", message: `${label} is not a valid instant.` });
          return z.NEVER;
        }
        return { instant };
      }
      if (m[3] && m[3] !== "00") {
        ctx.addIssue({ code: "custom", message: `${label} must be given to the minute.` });
        return z.NEVER;
      }
      return { local: `${m[1]}T${m[2]}` };
    });

/** End of a series: a whole local day ("2027-03-31"), a local date-time, or an instant. */
const untilSchema = z
  .string()
  .trim()
  .transform((value, ctx): WhenInput | { date: string } => {
    if (DATE_RE.test(value)) {
      if (realCalendarDate(value)) return { date: value };
      ctx.addIssue({ code: "custom", message: "Until is not a real calendar date." });
      return z.NEVER;
    }
    const parsed = dateTimeSchema("Until").safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({
      code: "custom",
      message: "Until must be a date (2027-03-31) or a date and time (2027-03-31T06:00).",
    });
    return z.NEVER;
  });
export type UntilInput = z.output<typeof untilSchema>;

const rruleSchema = z
  .string()
  .trim()
  .max(500, "The recurrence rule must be at most 500 characters.")
  .superRefine((value, ctx) => {
    const check = validateRrule(value);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
  });

const siteCode = code("Site code").transform((s) => s.toUpperCase());
const areaCodes = z
  .array(code("Area code").transform((s) => s.toUpperCase()))
  .max(50, "At most 50 areas.")
  .transform((list) => [...new Set(list)]);

export const MAX_WINDOW_MINUTES = 20_160;
const durationMinutes = z.coerce
  .number({ message: "Duration must be a number of minutes." })
  .int("Duration must be a whole number of minutes.")
  .min(1, "Duration must be at least 1 minute.")
  .max(MAX_WINDOW_MINUTES, `Duration must be at most ${MAX_WINDOW_MINUTES} minutes (14 days).`);

export const windowCreateSchema = z.object({
  site: siteCode,
  kind: z.enum(WINDOW_KINDS, { message: "Kind must be maintenance or blackout." }),
  title: requiredLine(120, "Title"),
  areas: areaCodes.default([]),
  start: dateTimeSchema("Start"),
  durationMinutes,
  rrule: rruleSchema.nullish().transform((v) => (v ? v : null)),
  until: untilSchema.nullish().transform((v) => v ?? null),
});
export type WindowCreateInput = z.input<typeof windowCreateSchema>;
export type WindowCreateData = z.output<typeof windowCreateSchema>;

/** Every field optional; null clears rrule/until. The site of a window never changes. */
export const windowUpdateSchema = z
  .object({
    kind: windowCreateSchema.shape.kind,
    title: windowCreateSchema.shape.title,
    areas: areaCodes,
    start: dateTimeSchema("Start"),
    durationMinutes,
    rrule: rruleSchema.nullable().transform((v) => (v ? v : null)),
    until: untilSchema.nullable(),
  })
  .partial()
  .strict();
export type WindowUpdateInput = z.input<typeof windowUpdateSchema>;

export const cancelOccurrenceSchema = z.object({ occurrenceStart: dateTimeSchema("Occurrence start") });
export type CancelOccurrenceInput = z.input<typeof cancelOccurrenceSchema>;

export const endSeriesSchema = z.object({ until: untilSchema });
export type EndSeriesInput = z.input<typeof endSeriesSchema>;

/** Longest range one read may expand; a year of calendar plus a margin for views that straddle it. */
export const MAX_RANGE_DAYS = 400;

export const scheduleRangeSchema = z.object({
  site: siteCode,
  from: dateTimeSchema("From").optional(),
  to: dateTimeSchema("To").optional(),
});
export type ScheduleRangeInput = z.input<typeof scheduleRangeSchema>;

export const windowsListQuerySchema = scheduleRangeSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type WindowsListQuery = z.input<typeof windowsListQuerySchema>;

export const runCreateSchema = z.object({
  site: siteCode,
  area: code("Area code").transform((s) => s.toUpperCase()),
  title: requiredLine(120, "Title"),
  kind: z.enum(RUN_KINDS, { message: `Kind must be one of ${RUN_KINDS.join(", ")}.` }),
  criticality: z.enum(RUN_CRITICALITIES, {
    message: `Criticality must be one of ${RUN_CRITICALITIES.join(", ")}.`,
  }),
  start: dateTimeSchema("Start"),
  end: dateTimeSchema("End"),
});
export type RunCreateInput = z.input<typeof runCreateSchema>;
export type RunCreateData = z.output<typeof runCreateSchema>;

export const runUpdateSchema = runCreateSchema.omit({ site: true }).partial().strict();
export type RunUpdateInput = z.input<typeof runUpdateSchema>;

/** One CSV row; the site comes from the request, so rows name only the area. */
export const RUN_CSV_COLUMNS = ["area", "title", "kind", "criticality", "start", "end"] as const;
export const runCsvRowSchema = runCreateSchema.omit({ site: true });

export const runImportSchema = z.object({
  siteCode,
  csvText: z.string().max(2 * 1024 * 1024, "The CSV file must be at most 2 MB."),
  dryRun: z.boolean().default(false),
});
export type RunImportInput = z.input<typeof runImportSchema>;

export const runsListQuerySchema = windowsListQuerySchema;

/** What the scheduling rules need of a change that may not be saved yet. */
const draftFields = {
  changeId: uuid.nullish().transform((v) => v ?? null),
  expectedDowntimeMinutes: z.coerce
    .number()
    .int()
    .min(0, "Downtime cannot be negative.")
    .max(100_000)
    .default(0),
  productionImpact: z
    .enum(PRODUCTION_IMPACTS, { message: "Production impact must be none, degraded or outage." })
    .default("none"),
};
const assetIdList = z.array(uuid).min(1, "Pick at least one asset.").max(200, "At most 200 assets.");

/** A slot to check while planning; local times are read in the zone of the assets' site. */
export const checkSlotSchema = z.object({
  ...draftFields,
  assetIds: assetIdList,
  start: dateTimeSchema("Start"),
  end: dateTimeSchema("End"),
});
export type CheckSlotInput = z.input<typeof checkSlotSchema>;

/** Either a saved change (its assets and planned duration) or a draft's assets and duration. */
export const proposeSlotsSchema = z
  .object({
    ...draftFields,
    assetIds: assetIdList.optional(),
    durationMinutes: durationMinutes.optional(),
    from: z.iso
      .datetime({ offset: true, message: "From must be an instant such as 2027-03-14T07:00:00Z." })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.changeId) return;
    if (!v.assetIds)
      ctx.addIssue({
        code: "custom",
        path: ["assetIds"],
        message: "Pick at least one asset, or give a changeId.",
      });
    if (!v.durationMinutes)
      ctx.addIssue({
        code: "custom",
        path: ["durationMinutes"],
        message: "Give the duration in minutes, or a changeId.",
      });
  });
export type ProposeSlotsInput = z.input<typeof proposeSlotsSchema>;
