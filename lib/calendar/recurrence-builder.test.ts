import { describe, expect, it } from "vitest";
import {
  DEFAULT_BUILDER,
  buildRrule,
  buildUntil,
  builderFrom,
  weekdayOf,
  type RecurrenceBuilder,
} from "./recurrence-builder";

const b = (patch: Partial<RecurrenceBuilder>): RecurrenceBuilder => ({ ...DEFAULT_BUILDER, ...patch });

describe("buildRrule", () => {
  it.each([
    [b({ freq: "none" }), null, null],
    [b({ freq: "daily" }), "FREQ=DAILY", null],
    [b({ freq: "daily", interval: 2, endMode: "count", count: 5 }), "FREQ=DAILY;INTERVAL=2;COUNT=5", null],
    [b({ freq: "weekly", weekdays: ["SU", "MO"] }), "FREQ=WEEKLY;BYDAY=MO,SU", null],
    [
      b({ freq: "weekly", weekdays: ["SU"], endMode: "until", untilDate: "2027-03-31" }),
      "FREQ=WEEKLY;BYDAY=SU",
      "2027-03-31",
    ],
    [b({ freq: "monthly", interval: 3, monthDay: 15 }), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", null],
    [b({ freq: "custom", custom: "RRULE:FREQ=MONTHLY;BYDAY=1SU" }), "FREQ=MONTHLY;BYDAY=1SU", null],
    [b({ freq: "none", endMode: "until", untilDate: "2027-03-31" }), null, null],
  ])("%o → %s / until %s", (builder, rrule, until) => {
    expect(buildRrule(builder)).toBe(rrule);
    expect(buildUntil(builder)).toBe(until);
  });
});

describe("builderFrom", () => {
  it("reads back what the builder writes", () => {
    const weekly = b({
      freq: "weekly",
      weekdays: ["MO", "SU"],
      endMode: "until",
      untilDate: "2027-03-31",
      monthDay: 7,
    });
    const back = builderFrom(buildRrule(weekly), buildUntil(weekly), "2027-03-07T01:00");
    expect(back).toMatchObject({
      freq: "weekly",
      weekdays: ["MO", "SU"],
      endMode: "until",
      untilDate: "2027-03-31",
      interval: 1,
    });
    expect(builderFrom("FREQ=DAILY;INTERVAL=2;COUNT=5", null, "2027-03-07T01:00")).toMatchObject({
      freq: "daily",
      interval: 2,
      endMode: "count",
      count: 5,
    });
    expect(builderFrom("FREQ=MONTHLY;BYMONTHDAY=15", null, "2027-03-07T01:00")).toMatchObject({
      freq: "monthly",
      monthDay: 15,
    });
  });
  it("defaults weekly to the start's weekday and monthly to its day", () => {
    expect(builderFrom("FREQ=WEEKLY", null, "2027-03-14T01:00")).toMatchObject({
      freq: "weekly",
      weekdays: ["SU"],
    });
    expect(builderFrom("FREQ=MONTHLY", null, "2027-03-14T01:00")).toMatchObject({
      freq: "monthly",
      monthDay: 14,
    });
    expect(builderFrom(null, null, "2027-03-14T01:00")).toMatchObject({
      freq: "none",
      weekdays: ["SU"],
      monthDay: 14,
    });
  });
  it("keeps rules it cannot express as custom text instead of rewriting them", () => {
    for (const rule of [
      "FREQ=MONTHLY;BYDAY=1SU",
      "FREQ=YEARLY",
      "FREQ=WEEKLY;UNTIL=20270331",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      "FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO,TU",
    ]) {
      expect(builderFrom(rule, null, "2027-03-14T01:00")).toMatchObject({ freq: "custom", custom: rule });
    }
  });
  it("weekdayOf reads the local date", () => {
    expect(weekdayOf("2027-03-14T01:00")).toBe("SU");
    expect(weekdayOf("2027-03-15")).toBe("MO");
    expect(weekdayOf("junk")).toBeNull();
  });
});
