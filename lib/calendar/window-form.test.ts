import { describe, expect, it } from "vitest";
import { DEFAULT_BUILDER } from "./recurrence-builder";
import {
  formFieldFor,
  previewDef,
  toWindowInput,
  windowFormSchema,
  type WindowFormValues,
} from "./window-form";

const base: WindowFormValues = {
  kind: "maintenance",
  title: "Sunday window",
  areas: ["CDU"],
  startDate: "2027-03-07",
  startTime: "01:00",
  durationHours: 4,
  durationMins: 0,
  ...DEFAULT_BUILDER,
  freq: "weekly",
  weekdays: ["SU"],
  endMode: "until",
  untilDate: "2027-03-31",
};

/** The first message per field, which is what the form's resolver shows. */
const errorsOf = (v: WindowFormValues) => {
  const r = windowFormSchema.safeParse(v);
  const out: Record<string, string> = {};
  if (!r.success) for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("window form", () => {
  it("maps the friendly fields to the API's window input", () => {
    expect(toWindowInput(base)).toEqual({
      kind: "maintenance",
      title: "Sunday window",
      areaCodes: ["CDU"],
      start: "2027-03-07T01:00",
      durationMinutes: 240,
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      until: "2027-03-31",
    });
    expect(errorsOf(base)).toEqual({});
  });

  it("reports the shared schema's and the rules' objections on the form's own fields", () => {
    expect(errorsOf({ ...base, title: " " })).toEqual({ title: "Title is required." });
    expect(errorsOf({ ...base, durationHours: 0, durationMins: 0 })).toEqual({
      durationHours: "Duration must be at least 1 minute.",
    });
    expect(errorsOf({ ...base, weekdays: [] })).toMatchObject({ weekdays: "Pick at least one weekday." });
    expect(errorsOf({ ...base, untilDate: "2027-03-01" })).toEqual({
      untilDate: "The end of the series is before its start",
    });
    expect(errorsOf({ ...base, untilDate: "" })).toMatchObject({
      untilDate: "Pick the last date of the series.",
    });
    expect(errorsOf({ ...base, freq: "custom", custom: "FREQ=SECONDLY" })).toMatchObject({
      custom: expect.stringMatching(/FREQ=SECONDLY is not allowed/),
    });
    expect(
      errorsOf({ ...base, freq: "custom", custom: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" }),
    ).toMatchObject({ custom: "Invalid recurrence rule: it never produces an occurrence" });
    expect(errorsOf({ ...base, startDate: "" })).toMatchObject({ startDate: "Pick a start date." });
  });

  it("sends server field errors to the matching control", () => {
    expect(formFieldFor("start", base)).toBe("startDate");
    expect(formFieldFor("durationMinutes", base)).toBe("durationHours");
    expect(formFieldFor("rrule", base)).toBe("freq");
    expect(formFieldFor("rrule", { freq: "custom" })).toBe("custom");
    expect(formFieldFor("until", base)).toBe("untilDate");
    expect(formFieldFor("occurrenceStart", base)).toBe("root");
  });

  it("previews in the site zone with cancelled occurrences left out", () => {
    const def = previewDef(base, "America/Chicago", ["2027-03-14T01:00"]);
    expect(def).toMatchObject({
      localStart: "2027-03-07T01:00",
      durationMinutes: 240,
      rrule: "FREQ=WEEKLY;BYDAY=SU",
      untilLocal: "2027-03-31",
      exdatesLocal: ["2027-03-14T01:00"],
      timeZone: "America/Chicago",
    });
  });
});
