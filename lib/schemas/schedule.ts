import "./zod-setup";
import { z } from "zod";
import { PRODUCTION_IMPACTS, RUN_CRITICALITIES, RUN_KINDS, WINDOW_KINDS } from "@/lib/domain/constants";
import { validateRrule } from "@/lib/domain/schedule";
import { acceptingAliases, deprecatedAlias, type AliasedInput } from "./aliases";
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

// Not `format: date-time` in the document: RFC 3339 needs an offset, and site time has none.
const SITE_OR_INSTANT = {
  description:
    "Site time without offset (2027-03-14T01:00), or an instant with Z or an offset (2027-03-14T07:00Z)",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?$",
  examples: ["2027-03-14T01:00", "2027-03-14T07:00:00Z"],
};

export const dateTimeSchema = (label: string) =>
  z
    .string({ message: `${label} is required.` })
    .meta(SITE_OR_INSTANT)
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
  .meta({
    description:
      "A whole site-local day (2027-03-31, inclusive), site time without offset (2027-03-31T06:00), or an instant with Z or an offset",
    examples: ["2027-03-31", "2027-03-31T06:00"],
  })
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

const windowFields = z.object({
  siteCode,
  kind: z.enum(WINDOW_KINDS, { message: "Kind must be maintenance or blackout." }),
  title: requiredLine(120, "Title"),
  areaCodes: areaCodes.default([]),
  start: dateTimeSchema("Start"),
  durationMinutes,
  rrule: rruleSchema.nullish().transform((v) => (v ? v : null)),
  until: untilSchema.nullish().transform((v) => v ?? null),
});

const WINDOW_ALIASES = { site: "siteCode", areas: "areaCodes" } as const;
export const windowCreateSchema = acceptingAliases(
  WINDOW_ALIASES,
  windowFields.extend({
    site: deprecatedAlias(siteCode, "siteCode"),
    areas: deprecatedAlias(areaCodes, "areaCodes"),
  }),
);
export type WindowCreateInput = AliasedInput<z.input<typeof windowCreateSchema>, typeof WINDOW_ALIASES>;
export type WindowCreateData = z.output<typeof windowCreateSchema>;
/** What the window form judges: every field but the site, which the page fixes. */
export const windowContentSchema = windowFields.omit({ siteCode: true });
export type WindowContentInput = z.input<typeof windowContentSchema>;

/** Every field optional; null clears rrule/until. The site of a window never changes. */
const UPDATE_WINDOW_ALIASES = { areas: "areaCodes" } as const;
export const windowUpdateSchema = acceptingAliases(
  UPDATE_WINDOW_ALIASES,
  z
    .object({
      kind: windowFields.shape.kind,
      title: windowFields.shape.title,
      areaCodes,
      areas: deprecatedAlias(areaCodes, "areaCodes"),
      start: dateTimeSchema("Start"),
      durationMinutes,
      rrule: rruleSchema.nullable().transform((v) => (v ? v : null)),
      until: untilSchema.nullable(),
    })
    .partial()
    .strict(),
);
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

const areaCode = code("Area code").transform((s) => s.toUpperCase());
const runFields = z.object({
  siteCode,
  areaCode,
  title: requiredLine(120, "Title"),
  kind: z.enum(RUN_KINDS, { message: `Kind must be one of ${RUN_KINDS.join(", ")}.` }),
  criticality: z.enum(RUN_CRITICALITIES, {
    message: `Criticality must be one of ${RUN_CRITICALITIES.join(", ")}.`,
  }),
  start: dateTimeSchema("Start"),
  end: dateTimeSchema("End"),
});

const RUN_ALIASES = { site: "siteCode", area: "areaCode" } as const;
export const runCreateSchema = acceptingAliases(
  RUN_ALIASES,
  runFields.extend({
    site: deprecatedAlias(siteCode, "siteCode"),
    area: deprecatedAlias(areaCode, "areaCode"),
  }),
);
export type RunCreateInput = AliasedInput<z.input<typeof runCreateSchema>, typeof RUN_ALIASES>;
export type RunCreateData = z.output<typeof runCreateSchema>;
/** What the run form judges: every field but the site, which the page fixes. */
export const runContentSchema = runFields.omit({ siteCode: true });
export type RunContentInput = z.input<typeof runContentSchema>;

const UPDATE_RUN_ALIASES = { area: "areaCode" } as const;
export const runUpdateSchema = acceptingAliases(
  UPDATE_RUN_ALIASES,
  runContentSchema
    .extend({ area: deprecatedAlias(areaCode, "areaCode") })
    .partial()
    .strict(),
);
export type RunUpdateInput = z.input<typeof runUpdateSchema>;

/** One CSV row; the site comes from the request, so rows name only the area. */
export const RUN_CSV_COLUMNS = ["areaCode", "title", "kind", "criticality", "start", "end"] as const;
/** Headers of earlier files, still read: old → new. */
export const RUN_CSV_HEADER_ALIASES: Readonly<Record<string, (typeof RUN_CSV_COLUMNS)[number]>> = {
  area: "areaCode",
};
export const runCsvRowSchema = runContentSchema;

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
