// The window form's fields are friendlier than the API's (date + time, hours + minutes, a
// recurrence builder), but validity is decided by the one shared schema: the form maps its
// values to a WindowContentInput and lets windowContentSchema judge it.
import "@/lib/schemas/zod-setup";
import { z } from "zod";
import { validateWindowDef, type WindowDef } from "@/lib/domain/schedule";
import { windowContentSchema, type WindowContentInput } from "@/lib/schemas/schedule";
import {
  END_MODES,
  FREQUENCIES,
  WEEKDAY_CODES,
  buildRrule,
  buildUntil,
  type RecurrenceBuilder,
} from "./recurrence-builder";

const whole = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const baseSchema = z.object({
  kind: windowContentSchema.shape.kind,
  title: z.string(),
  areas: z.array(z.string()),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a start date."),
  startTime: z.string().regex(/^\d{2}:\d{2}$/, "Pick a start time."),
  durationHours: whole("Hours", 0, 336),
  durationMins: whole("Minutes", 0, 59),
  freq: z.enum(FREQUENCIES),
  interval: whole("Interval", 1, 104),
  weekdays: z.array(z.enum(WEEKDAY_CODES)),
  monthDay: whole("Day of month", 1, 31),
  endMode: z.enum(END_MODES),
  untilDate: z.string(),
  count: whole("Number of times", 1, 5000),
  custom: z.string(),
});
export type WindowFormValues = z.infer<typeof baseSchema>;

export function builderOf(v: WindowFormValues): RecurrenceBuilder {
  return {
    freq: v.freq,
    interval: v.interval,
    weekdays: v.weekdays,
    monthDay: v.monthDay,
    endMode: v.endMode,
    untilDate: v.untilDate,
    count: v.count,
    custom: v.custom,
  };
}

export function toWindowInput(v: WindowFormValues): WindowContentInput {
  const b = builderOf(v);
  return {
    kind: v.kind,
    title: v.title,
    areaCodes: v.areas,
    start: `${v.startDate}T${v.startTime}`,
    durationMinutes: v.durationHours * 60 + v.durationMins,
    rrule: buildRrule(b),
    until: buildUntil(b),
  };
}

/** Where an error on a server field shows in the form. */
const FIELD_OF: Record<string, keyof WindowFormValues> = {
  kind: "kind",
  title: "title",
  areaCodes: "areas",
  start: "startDate",
  durationMinutes: "durationHours",
  until: "untilDate",
};

export function formFieldFor(
  serverPath: string,
  v: Pick<WindowFormValues, "freq">,
): keyof WindowFormValues | "root" {
  const head = serverPath.split(".")[0] ?? "";
  if (head === "rrule") return v.freq === "custom" ? "custom" : "freq";
  return FIELD_OF[head] ?? "root";
}

const DEF_FIELD: Partial<Record<keyof WindowDef, keyof WindowFormValues>> = {
  localStart: "startDate",
  durationMinutes: "durationHours",
  untilLocal: "untilDate",
};

/** The definition the form describes, for the live preview and the rules' checks. */
export function previewDef(v: WindowFormValues, timeZone: string, exdatesLocal: string[]): WindowDef {
  const input = toWindowInput(v);
  return {
    id: "preview",
    siteId: "preview",
    kind: v.kind,
    title: v.title,
    areaIds: [],
    localStart: String(input.start),
    durationMinutes: Number(input.durationMinutes),
    rrule: input.rrule ?? null,
    untilLocal: input.until ?? null,
    exdatesLocal,
    timeZone,
  };
}

export const windowFormSchema = baseSchema.superRefine((v, ctx) => {
  if (v.freq === "weekly" && v.weekdays.length === 0)
    ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Pick at least one weekday." });
  if (v.freq !== "none" && v.endMode === "until" && !v.untilDate)
    ctx.addIssue({ code: "custom", path: ["untilDate"], message: "Pick the last date of the series." });
  if (v.freq === "custom" && !v.custom.trim())
    ctx.addIssue({
      code: "custom",
      path: ["custom"],
      message: "Enter a recurrence rule such as FREQ=MONTHLY;BYDAY=1SU.",
    });
  const input = toWindowInput(v);
  const parsed = windowContentSchema.safeParse(input);
  if (parsed.success) {
    // The rules' own checks (end before start, a rule that never fires) need no zone to decide.
    const check = validateWindowDef(previewDef(v, "UTC", []));
    if (!check.ok)
      ctx.addIssue({
        code: "custom",
        path: [DEF_FIELD[check.field] ?? (v.freq === "custom" ? "custom" : "freq")],
        message: check.message,
      });
    return;
  }
  for (const issue of parsed.error.issues) {
    const field = formFieldFor(issue.path.map(String).join("."), v);
    ctx.addIssue({ code: "custom", path: [field === "root" ? "title" : field], message: issue.message });
  }
});
