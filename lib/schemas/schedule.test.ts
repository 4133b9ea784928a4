import { describe, expect, it } from "vitest";
import {
  cancelOccurrenceSchema,
  checkSlotSchema,
  endSeriesSchema,
  proposeSlotsSchema,
  runCreateSchema,
  runUpdateSchema,
  windowCreateSchema,
  windowUpdateSchema,
} from "./schedule";

const base = {
  siteCode: "gcr",
  kind: "maintenance",
  title: "Sunday",
  start: "2027-03-07T01:00",
  durationMinutes: 240,
};

describe("window schema", () => {
  it.each([
    ["2027-03-07T01:00", { local: "2027-03-07T01:00" }],
    ["2027-03-07T01:00:00", { local: "2027-03-07T01:00" }],
    ["2027-03-07T07:00:00Z", { instant: new Date("2027-03-07T07:00:00Z") }],
    ["2027-03-07T07:00:00.000Z", { instant: new Date("2027-03-07T07:00:00Z") }],
    ["2027-03-07T01:00-06:00", { instant: new Date("2027-03-07T07:00:00Z") }],
    ["2027-03-07T08:00+0100", { instant: new Date("2027-03-07T07:00:00Z") }],
  ])("reads start %j", (start, expected) => {
    expect(windowCreateSchema.parse({ ...base, start }).start).toEqual(expected);
  });

  it.each([
    "2027-02-30T01:00",
    "2027-03-07T24:00",
    "2027-03-07 01:00",
    "2027-03-07",
    "tomorrow",
    "2027-03-07T01:00:30",
    "1969-12-31T23:00",
    "",
  ])("refuses start %j", (start) => {
    const r = windowCreateSchema.safeParse({ ...base, start });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["start"]);
  });

  it("normalises codes, defaults areas and optional fields, and dedupes areas", () => {
    expect(windowCreateSchema.parse({ ...base, areaCodes: ["u1", "U1", "u2"] })).toMatchObject({
      siteCode: "GCR",
      areaCodes: ["U1", "U2"],
      rrule: null,
      until: null,
    });
    expect(windowCreateSchema.parse(base).areaCodes).toEqual([]);
  });

  it("reads the deprecated v1 names site and areas as siteCode and areaCodes", () => {
    const { siteCode: _siteCode, ...rest } = base;
    const parsed = windowCreateSchema.parse({ ...rest, site: "gcr", areas: ["u1"] });
    expect(parsed).toMatchObject({ siteCode: "GCR", areaCodes: ["U1"] });
    expect(parsed).not.toHaveProperty("site");
    expect(parsed).not.toHaveProperty("areas");
    // Both names with one value is the same request; with two values it is refused, naming both.
    expect(windowCreateSchema.parse({ ...base, site: "gcr" }).siteCode).toBe("GCR");
    const both = windowCreateSchema.safeParse({ ...base, areaCodes: ["U1"], areas: ["U2"] });
    expect(both.error!.issues).toEqual([
      expect.objectContaining({
        path: ["areas"],
        message: "Send areaCodes only: areas is its deprecated alias, and the two differ.",
      }),
    ]);
    expect(windowCreateSchema.safeParse(rest).error!.issues[0]!.path).toEqual(["siteCode"]);
    expect(windowUpdateSchema.parse({ areas: ["u2"] })).toEqual({ areaCodes: ["U2"] });
    expect(windowUpdateSchema.safeParse({ siteCode: "RHP" }).success).toBe(false);
  });

  it.each([
    ["FREQ=WEEKLY;BYDAY=SU", true],
    ["RRULE:FREQ=MONTHLY;BYDAY=1SU", true],
    ["FREQ=HOURLY", false],
    ["FREQ=WEEKLY;BYDAY=XX", false],
    ["FREQ=WEEKLY;COUNT=3;UNTIL=20270101", false],
    ["FREQ=WEEKLY;DTSTART=20270101T000000", false],
  ])("validates rrule %j", (rrule, ok) => {
    expect(windowCreateSchema.safeParse({ ...base, rrule }).success).toBe(ok);
  });

  it.each([0, 20_161, 1.5, "ten"])("refuses durationMinutes %j", (durationMinutes) => {
    expect(windowCreateSchema.safeParse({ ...base, durationMinutes }).success).toBe(false);
  });

  it("reads until as a whole local day, a local time or an instant", () => {
    expect(windowCreateSchema.parse({ ...base, until: "2027-03-31" }).until).toEqual({ date: "2027-03-31" });
    expect(windowCreateSchema.parse({ ...base, until: "2027-03-31T06:00" }).until).toEqual({
      local: "2027-03-31T06:00",
    });
    expect(windowCreateSchema.parse({ ...base, until: "2027-03-31T11:00Z" }).until).toEqual({
      instant: new Date("2027-03-31T11:00:00Z"),
    });
    expect(windowCreateSchema.safeParse({ ...base, until: "2027-02-29" }).success).toBe(false);
    expect(endSeriesSchema.safeParse({ until: "soon" }).success).toBe(false);
  });

  it("lets an update clear rrule and until, and refuses unknown fields such as site", () => {
    expect(windowUpdateSchema.parse({ rrule: null, until: null })).toEqual({ rrule: null, until: null });
    expect(windowUpdateSchema.safeParse({ site: "RHP" }).success).toBe(false);
    expect(windowUpdateSchema.parse({})).toEqual({});
  });

  it("takes the occurrence to cancel as an instant or a local start", () => {
    expect(cancelOccurrenceSchema.parse({ occurrenceStart: "2027-03-14T07:00:00Z" }).occurrenceStart).toEqual(
      { instant: new Date("2027-03-14T07:00:00Z") },
    );
    expect(cancelOccurrenceSchema.safeParse({}).success).toBe(false);
  });
});

describe("production run and assistant schemas", () => {
  const run = {
    siteCode: "GCR",
    areaCode: "cdu",
    title: "Campaign",
    kind: "campaign",
    criticality: "critical",
    start: "2027-03-01T00:00",
    end: "2027-03-05T00:00",
  };
  it("parses a run and refuses unknown kinds and criticalities", () => {
    expect(runCreateSchema.parse(run)).toMatchObject({ areaCode: "CDU", kind: "campaign" });
    expect(runCreateSchema.safeParse({ ...run, kind: "party" }).success).toBe(false);
    expect(runCreateSchema.safeParse({ ...run, criticality: "urgent" }).success).toBe(false);
  });

  it("reads the deprecated v1 names site and area as siteCode and areaCode", () => {
    const { siteCode: _s, areaCode: _a, ...rest } = run;
    expect(runCreateSchema.parse({ ...rest, site: "gcr", area: "cdu" })).toMatchObject({
      siteCode: "GCR",
      areaCode: "CDU",
    });
    expect(runUpdateSchema.parse({ area: "fcc" })).toEqual({ areaCode: "FCC" });
    expect(runUpdateSchema.safeParse({ area: "FCC", areaCode: "CDU" }).error!.issues[0]!.path).toEqual([
      "area",
    ]);
    expect(runUpdateSchema.safeParse({ siteCode: "RHP" }).success).toBe(false);
  });

  it("needs a changeId, or assets and a duration, to propose slots", () => {
    const asset = "7d1b1a8e-5a4f-4c3e-9d2b-1a2b3c4d5e6f";
    expect(proposeSlotsSchema.safeParse({ changeId: asset }).success).toBe(true);
    expect(proposeSlotsSchema.safeParse({ assetIds: [asset], durationMinutes: 60 }).success).toBe(true);
    const missing = proposeSlotsSchema.safeParse({ assetIds: [asset] });
    expect(missing.error!.issues.map((i) => i.path.join("."))).toEqual(["durationMinutes"]);
    expect(proposeSlotsSchema.safeParse({}).error!.issues.map((i) => i.path.join("."))).toEqual([
      "assetIds",
      "durationMinutes",
    ]);
    expect(
      checkSlotSchema.safeParse({ assetIds: [], start: "2027-03-01T00:00", end: "2027-03-01T01:00" }).success,
    ).toBe(false);
  });
});
