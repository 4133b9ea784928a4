import { describe, expect, it } from "vitest";
import type { WindowDef } from "./types";
import { win } from "./fixtures.test-support";
import { OccurrenceLimitError, WindowDefinitionError, expandWindow, expandWindows } from "./recurrence";

const CHI = "America/Chicago";
const BER = "Europe/Berlin";

const starts = (def: WindowDef, from: string, to: string) =>
  expandWindow(def, new Date(from), new Date(to)).map((o) => o.start.toISOString());

describe("weekly window, Sunday 01:00–05:00 America/Chicago, across US DST changes", () => {
  const def = win({ localStart: "2026-03-01T01:00" });
  const all = expandWindow(def, new Date("2026-01-01T00:00:00.000Z"), new Date("2027-11-15T00:00:00.000Z"));
  const byDay = new Map(all.map((o) => [o.recurrenceId.slice(0, 10), o]));

  it.each([
    // [local day, start, end, localStart, localEnd, abbr]
    [
      "2026-03-01",
      "2026-03-01T07:00:00.000Z",
      "2026-03-01T11:00:00.000Z",
      "2026-03-01T01:00:00.000-06:00",
      "2026-03-01T05:00:00.000-06:00",
      "CST",
    ],
    [
      "2026-03-08",
      "2026-03-08T07:00:00.000Z",
      "2026-03-08T11:00:00.000Z",
      "2026-03-08T01:00:00.000-06:00",
      "2026-03-08T06:00:00.000-05:00",
      "CST",
    ],
    [
      "2026-03-15",
      "2026-03-15T06:00:00.000Z",
      "2026-03-15T10:00:00.000Z",
      "2026-03-15T01:00:00.000-05:00",
      "2026-03-15T05:00:00.000-05:00",
      "CDT",
    ],
    [
      "2026-10-25",
      "2026-10-25T06:00:00.000Z",
      "2026-10-25T10:00:00.000Z",
      "2026-10-25T01:00:00.000-05:00",
      "2026-10-25T05:00:00.000-05:00",
      "CDT",
    ],
    [
      "2026-11-01",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T10:00:00.000Z",
      "2026-11-01T01:00:00.000-05:00",
      "2026-11-01T04:00:00.000-06:00",
      "CDT",
    ],
    [
      "2026-11-08",
      "2026-11-08T07:00:00.000Z",
      "2026-11-08T11:00:00.000Z",
      "2026-11-08T01:00:00.000-06:00",
      "2026-11-08T05:00:00.000-06:00",
      "CST",
    ],
    [
      "2027-03-07",
      "2027-03-07T07:00:00.000Z",
      "2027-03-07T11:00:00.000Z",
      "2027-03-07T01:00:00.000-06:00",
      "2027-03-07T05:00:00.000-06:00",
      "CST",
    ],
    [
      "2027-03-14",
      "2027-03-14T07:00:00.000Z",
      "2027-03-14T11:00:00.000Z",
      "2027-03-14T01:00:00.000-06:00",
      "2027-03-14T06:00:00.000-05:00",
      "CST",
    ],
    [
      "2027-03-21",
      "2027-03-21T06:00:00.000Z",
      "2027-03-21T10:00:00.000Z",
      "2027-03-21T01:00:00.000-05:00",
      "2027-03-21T05:00:00.000-05:00",
      "CDT",
    ],
    [
      "2027-10-31",
      "2027-10-31T06:00:00.000Z",
      "2027-10-31T10:00:00.000Z",
      "2027-10-31T01:00:00.000-05:00",
      "2027-10-31T05:00:00.000-05:00",
      "CDT",
    ],
    [
      "2027-11-07",
      "2027-11-07T06:00:00.000Z",
      "2027-11-07T10:00:00.000Z",
      "2027-11-07T01:00:00.000-05:00",
      "2027-11-07T04:00:00.000-06:00",
      "CDT",
    ],
    [
      "2027-11-14",
      "2027-11-14T07:00:00.000Z",
      "2027-11-14T11:00:00.000Z",
      "2027-11-14T01:00:00.000-06:00",
      "2027-11-14T05:00:00.000-06:00",
      "CST",
    ],
  ])("%s", (day, start, end, localStart, localEnd, zoneAbbr) => {
    const o = byDay.get(day);
    expect(o).toBeDefined();
    expect({
      start: o!.start.toISOString(),
      end: o!.end.toISOString(),
      localStart: o!.localStart,
      localEnd: o!.localEnd,
      zoneAbbr: o!.zoneAbbr,
    }).toEqual({
      start,
      end,
      localStart,
      localEnd,
      zoneAbbr,
    });
  });

  it("has one occurrence per Sunday (2026-03-01 … 2027-11-14 is 90 Sundays), all at 01:00 local", () => {
    expect(all).toHaveLength(90);
    expect(all.every((o) => o.localStart.slice(10, 23) === "T01:00:00.000")).toBe(true);
    expect(all.every((o) => o.end.getTime() - o.start.getTime() === 4 * 3_600_000)).toBe(true);
  });

  it("carries the window's identity", () => {
    expect(all[0]).toMatchObject({
      windowId: "win-1",
      kind: "maintenance",
      title: "Sunday patching",
      siteId: "site-1",
      areaIds: [],
      timeZone: CHI,
    });
  });
});

describe("weekly window, Sunday 02:30–03:30 Europe/Berlin, across EU DST changes", () => {
  const def = win({ localStart: "2026-03-22T02:30", durationMinutes: 60, timeZone: BER });
  const all = expandWindow(def, new Date("2026-03-01T00:00:00.000Z"), new Date("2027-11-10T00:00:00.000Z"));
  const byDay = new Map(all.map((o) => [o.recurrenceId.slice(0, 10), o]));

  it.each([
    [
      "2026-03-22",
      "2026-03-22T01:30:00.000Z",
      "2026-03-22T02:30:00.000Z",
      "2026-03-22T02:30:00.000+01:00",
      "2026-03-22T03:30:00.000+01:00",
      "CET",
    ],
    // 02:30 does not exist: offset before the gap (+01:00) → 03:30 CEST
    [
      "2026-03-29",
      "2026-03-29T01:30:00.000Z",
      "2026-03-29T02:30:00.000Z",
      "2026-03-29T03:30:00.000+02:00",
      "2026-03-29T04:30:00.000+02:00",
      "CEST",
    ],
    [
      "2026-04-05",
      "2026-04-05T00:30:00.000Z",
      "2026-04-05T01:30:00.000Z",
      "2026-04-05T02:30:00.000+02:00",
      "2026-04-05T03:30:00.000+02:00",
      "CEST",
    ],
    [
      "2026-10-18",
      "2026-10-18T00:30:00.000Z",
      "2026-10-18T01:30:00.000Z",
      "2026-10-18T02:30:00.000+02:00",
      "2026-10-18T03:30:00.000+02:00",
      "CEST",
    ],
    // 02:30 happens twice: the first (CEST); one real hour later it is 02:30 CET again
    [
      "2026-10-25",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:30:00.000+02:00",
      "2026-10-25T02:30:00.000+01:00",
      "CEST",
    ],
    [
      "2026-11-01",
      "2026-11-01T01:30:00.000Z",
      "2026-11-01T02:30:00.000Z",
      "2026-11-01T02:30:00.000+01:00",
      "2026-11-01T03:30:00.000+01:00",
      "CET",
    ],
    [
      "2027-03-21",
      "2027-03-21T01:30:00.000Z",
      "2027-03-21T02:30:00.000Z",
      "2027-03-21T02:30:00.000+01:00",
      "2027-03-21T03:30:00.000+01:00",
      "CET",
    ],
    [
      "2027-03-28",
      "2027-03-28T01:30:00.000Z",
      "2027-03-28T02:30:00.000Z",
      "2027-03-28T03:30:00.000+02:00",
      "2027-03-28T04:30:00.000+02:00",
      "CEST",
    ],
    [
      "2027-04-04",
      "2027-04-04T00:30:00.000Z",
      "2027-04-04T01:30:00.000Z",
      "2027-04-04T02:30:00.000+02:00",
      "2027-04-04T03:30:00.000+02:00",
      "CEST",
    ],
    [
      "2027-10-24",
      "2027-10-24T00:30:00.000Z",
      "2027-10-24T01:30:00.000Z",
      "2027-10-24T02:30:00.000+02:00",
      "2027-10-24T03:30:00.000+02:00",
      "CEST",
    ],
    [
      "2027-10-31",
      "2027-10-31T00:30:00.000Z",
      "2027-10-31T01:30:00.000Z",
      "2027-10-31T02:30:00.000+02:00",
      "2027-10-31T02:30:00.000+01:00",
      "CEST",
    ],
    [
      "2027-11-07",
      "2027-11-07T01:30:00.000Z",
      "2027-11-07T02:30:00.000Z",
      "2027-11-07T02:30:00.000+01:00",
      "2027-11-07T03:30:00.000+01:00",
      "CET",
    ],
  ])("%s", (day, start, end, localStart, localEnd, zoneAbbr) => {
    const o = byDay.get(day);
    expect(o).toBeDefined();
    expect({
      start: o!.start.toISOString(),
      end: o!.end.toISOString(),
      localStart: o!.localStart,
      localEnd: o!.localEnd,
      zoneAbbr: o!.zoneAbbr,
    }).toEqual({
      start,
      end,
      localStart,
      localEnd,
      zoneAbbr,
    });
  });

  it("has one occurrence per Sunday (2026-03-22 … 2027-11-07 is 86 Sundays)", () => {
    expect(all).toHaveLength(86);
    expect(all.filter((o) => o.recurrenceId.endsWith("T02:30"))).toHaveLength(86);
  });
});

describe("nonexistent and repeated local times", () => {
  it.each([
    // daily 02:30 Chicago over the 2027 spring-forward night
    [
      "2027-03-12T02:30",
      CHI,
      "2027-03-13T00:00:00.000Z",
      "2027-03-16T00:00:00.000Z",
      ["2027-03-13T08:30:00.000Z", "2027-03-14T08:30:00.000Z", "2027-03-15T07:30:00.000Z"],
    ],
    // daily 01:30 Chicago over the 2026 fall-back night: the first 01:30 (CDT)
    [
      "2026-10-30T01:30",
      CHI,
      "2026-10-31T00:00:00.000Z",
      "2026-11-03T00:00:00.000Z",
      ["2026-10-31T06:30:00.000Z", "2026-11-01T06:30:00.000Z", "2026-11-02T07:30:00.000Z"],
    ],
    // daily 02:30 Berlin over both 2027 changes
    [
      "2027-03-27T02:30",
      BER,
      "2027-03-27T00:00:00.000Z",
      "2027-03-30T00:00:00.000Z",
      ["2027-03-27T01:30:00.000Z", "2027-03-28T01:30:00.000Z", "2027-03-29T00:30:00.000Z"],
    ],
    [
      "2027-10-30T02:30",
      BER,
      "2027-10-30T00:00:00.000Z",
      "2027-11-02T00:00:00.000Z",
      ["2027-10-30T00:30:00.000Z", "2027-10-31T00:30:00.000Z", "2027-11-01T01:30:00.000Z"],
    ],
  ])("daily from %s in %s", (localStart, timeZone, from, to, expected) => {
    expect(starts(win({ localStart, timeZone, durationMinutes: 60, rrule: "FREQ=DAILY" }), from, to)).toEqual(
      expected,
    );
  });

  it("a one-off start inside the gap becomes 03:30 CDT and keeps its nominal recurrence id", () => {
    const [o] = expandWindow(
      win({ localStart: "2027-03-14T02:30", durationMinutes: 60, rrule: null }),
      new Date("2027-03-01T00:00:00.000Z"),
      new Date("2027-04-01T00:00:00.000Z"),
    );
    expect(o).toMatchObject({
      localStart: "2027-03-14T03:30:00.000-05:00",
      zoneAbbr: "CDT",
      recurrenceId: "2027-03-14T02:30",
    });
    expect([o!.start.toISOString(), o!.end.toISOString()]).toEqual([
      "2027-03-14T08:30:00.000Z",
      "2027-03-14T09:30:00.000Z",
    ]);
  });

  it.each([
    // 4 h from local midnight keep 4 real hours; the wall-clock end moves by the DST change
    [
      "2027-03-14T00:00",
      CHI,
      "2027-03-14T06:00:00.000Z",
      "2027-03-14T10:00:00.000Z",
      "2027-03-14T05:00:00.000-05:00",
    ],
    [
      "2027-11-07T00:00",
      CHI,
      "2027-11-07T05:00:00.000Z",
      "2027-11-07T09:00:00.000Z",
      "2027-11-07T03:00:00.000-06:00",
    ],
    [
      "2027-03-28T00:00",
      BER,
      "2027-03-27T23:00:00.000Z",
      "2027-03-28T03:00:00.000Z",
      "2027-03-28T05:00:00.000+02:00",
    ],
    [
      "2027-10-31T00:00",
      BER,
      "2027-10-30T22:00:00.000Z",
      "2027-10-31T02:00:00.000Z",
      "2027-10-31T03:00:00.000+01:00",
    ],
  ])(
    "a 4 h window from %s (%s) spanning the change keeps its elapsed duration",
    (localStart, timeZone, start, end, localEnd) => {
      const [o] = expandWindow(
        win({ localStart, timeZone, rrule: null }),
        new Date("2027-01-01T00:00:00.000Z"),
        new Date("2028-01-01T00:00:00.000Z"),
      );
      expect([o!.start.toISOString(), o!.end.toISOString(), o!.localEnd]).toEqual([start, end, localEnd]);
    },
  );
});

describe("end of series, COUNT and cancelled occurrences", () => {
  const from = "2027-01-01T00:00:00.000Z";
  const to = "2028-01-01T00:00:00.000Z";
  const march = [
    "2027-03-07T07:00:00.000Z",
    "2027-03-14T07:00:00.000Z",
    "2027-03-21T06:00:00.000Z",
    "2027-03-28T06:00:00.000Z",
  ];

  it.each([
    ["untilLocal date (inclusive: the whole day)", { untilLocal: "2027-03-28" }, march],
    ["untilLocal at the last start (inclusive)", { untilLocal: "2027-03-28T01:00" }, march],
    ["untilLocal a minute before the last start", { untilLocal: "2027-03-28T00:59" }, march.slice(0, 3)],
    ["untilLocal the day before", { untilLocal: "2027-03-27" }, march.slice(0, 3)],
    ["UNTIL in the rule, local", { rrule: "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270328T010000" }, march],
    ["UNTIL in the rule, date", { rrule: "RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20270328" }, march],
    ["UNTIL in the rule, UTC (= 01:00 CDT)", { rrule: "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270328T060000Z" }, march],
    [
      "UNTIL in the rule, UTC a minute earlier",
      { rrule: "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270328T055900Z" },
      march.slice(0, 3),
    ],
    [
      "the earlier of untilLocal and UNTIL wins",
      { untilLocal: "2027-03-20", rrule: "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270328" },
      march.slice(0, 2),
    ],
    ["COUNT", { rrule: "FREQ=WEEKLY;BYDAY=SU;COUNT=4" }, march],
    [
      "cancelled occurrence removed",
      { untilLocal: "2027-03-28", exdatesLocal: ["2027-03-14T01:00"] },
      [march[0], march[2], march[3]],
    ],
    [
      "cancelled occurrences still count towards COUNT",
      { rrule: "FREQ=WEEKLY;COUNT=4", exdatesLocal: ["2027-03-21T01:00"] },
      [march[0], march[1], march[3]],
    ],
    [
      "an exdate at another time cancels nothing",
      { untilLocal: "2027-03-28", exdatesLocal: ["2027-03-14T02:00"] },
      march,
    ],
  ])("%s", (_label, overrides, expected) => {
    expect(starts(win({ localStart: "2027-03-07T01:00", ...overrides }), from, to)).toEqual(expected);
  });

  it("a cancelled occurrence in the gap is named by its nominal time", () => {
    const def = win({
      localStart: "2027-03-13T02:30",
      durationMinutes: 60,
      rrule: "FREQ=DAILY;COUNT=3",
      exdatesLocal: ["2027-03-14T02:30"],
    });
    expect(starts(def, from, to)).toEqual(["2027-03-13T08:30:00.000Z", "2027-03-15T07:30:00.000Z"]);
  });
});

describe("range selection", () => {
  const def = win({ localStart: "2027-03-07T01:00" }); // 07:00Z–11:00Z on 7 Mar
  it.each([
    ["range ends at the start: excluded", "2027-03-07T00:00:00.000Z", "2027-03-07T07:00:00.000Z", []],
    ["range starts at the end: excluded", "2027-03-07T11:00:00.000Z", "2027-03-07T12:00:00.000Z", []],
    [
      "range inside the occurrence: included",
      "2027-03-07T08:00:00.000Z",
      "2027-03-07T08:01:00.000Z",
      ["2027-03-07T07:00:00.000Z"],
    ],
    ["empty range", "2027-03-07T08:00:00.000Z", "2027-03-07T08:00:00.000Z", []],
    ["range before the series", "2026-01-01T00:00:00.000Z", "2027-03-01T00:00:00.000Z", []],
  ])("%s", (_label, from, to, expected) => {
    expect(starts(def, from, to)).toEqual(expected);
  });

  it("includes a long occurrence that began before the range", () => {
    const freeze = win({
      kind: "blackout",
      localStart: "2027-01-01T00:00",
      durationMinutes: 60 * 24 * 90,
      rrule: "FREQ=YEARLY",
    });
    expect(starts(freeze, "2027-03-01T00:00:00.000Z", "2027-03-02T00:00:00.000Z")).toEqual([
      "2027-01-01T06:00:00.000Z",
    ]);
  });

  it("expands a window defined years ago the same as counting from its start", () => {
    const old = win({ localStart: "2019-01-31T23:30", durationMinutes: 90, rrule: "FREQ=MONTHLY" });
    const counted = { ...old, rrule: "FREQ=MONTHLY;COUNT=5000" };
    const [a, b] = [old, counted].map((d) =>
      starts(d, "2027-01-01T00:00:00.000Z", "2027-06-01T00:00:00.000Z"),
    );
    // the 31st at 23:30 local, in months that have one: 31 Dec 2026 CST, 31 Jan CST, 31 Mar CDT
    expect(a).toEqual(["2027-01-01T05:30:00.000Z", "2027-02-01T05:30:00.000Z", "2027-04-01T04:30:00.000Z"]);
    expect(b).toEqual(a);
  });

  it("merges several windows earliest first", () => {
    const a = win({ id: "a", localStart: "2027-03-07T01:00", untilLocal: "2027-03-14" });
    const b = win({ id: "b", localStart: "2027-03-10T12:00", rrule: null, timeZone: BER });
    const all = expandWindows(
      [a, b],
      new Date("2027-03-01T00:00:00.000Z"),
      new Date("2027-04-01T00:00:00.000Z"),
    );
    expect(all.map((o) => [o.windowId, o.start.toISOString()])).toEqual([
      ["a", "2027-03-07T07:00:00.000Z"],
      ["b", "2027-03-10T11:00:00.000Z"],
      ["a", "2027-03-14T07:00:00.000Z"],
    ]);
  });
});

describe("guards", () => {
  it("refuses to return more than the cap instead of truncating", () => {
    const daily = win({ localStart: "2026-01-01T01:00", durationMinutes: 60, rrule: "FREQ=DAILY" });
    expect(() =>
      expandWindow(daily, new Date("2026-01-01T00:00:00.000Z"), new Date("2040-01-01T00:00:00.000Z")),
    ).toThrow(OccurrenceLimitError);
    expect(() =>
      expandWindow(daily, new Date("2026-01-01T00:00:00.000Z"), new Date("2026-06-01T00:00:00.000Z"), {
        maxOccurrences: 100,
      }),
    ).toThrow("More than 100 occurrences");
  });

  it.each<[string, Partial<WindowDef>, keyof WindowDef]>([
    ["unknown zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["lower-case zone", { timeZone: "america/chicago" }, "timeZone"],
    ["not a date", { localStart: "2027-02-30T01:00" }, "localStart"],
    ["offset in the start", { localStart: "2027-03-07T01:00-06:00" }, "localStart"],
    ["zero duration", { durationMinutes: 0 }, "durationMinutes"],
    ["fractional duration", { durationMinutes: 1.5 }, "durationMinutes"],
    ["secondly rule", { rrule: "FREQ=SECONDLY" }, "rrule"],
    ["hourly rule", { rrule: "FREQ=HOURLY;INTERVAL=1" }, "rrule"],
    ["garbage rule", { rrule: "every sunday" }, "rrule"],
    ["rule that never fires", { rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" }, "rrule"],
    ["until before start", { untilLocal: "2026-01-01" }, "untilLocal"],
    ["malformed until", { untilLocal: "31/03/2027" }, "untilLocal"],
    ["malformed exdate", { exdatesLocal: ["2027-03-14"] }, "exdatesLocal"],
  ])("rejects %s", (_label, overrides, field) => {
    let error: unknown;
    try {
      expandWindow(
        win(overrides),
        new Date("2027-01-01T00:00:00.000Z"),
        new Date("2027-02-01T00:00:00.000Z"),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WindowDefinitionError);
    expect((error as WindowDefinitionError).field).toBe(field);
  });
});
