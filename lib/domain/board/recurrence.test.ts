import { describe, expect, it } from "vitest";
import { describeSeries, meetingRule, meetingStarts, repeatProblem, type MeetingRepeat } from "./recurrence";

const CHICAGO = "America/Chicago";
const BERLIN = "Europe/Berlin";
const iso = (dates: Date[]) => dates.map((d) => d.toISOString().replace(".000Z", "Z"));

describe("board meeting series", () => {
  it("a one-off is its own start", () => {
    const start = new Date("2027-03-04T21:00:00Z");
    expect(meetingStarts(start, CHICAGO, { repeat: "none", every: 1, count: 1 })).toEqual([start]);
  });

  it("weekly keeps 15:00 local across the spring change (CST → CDT)", () => {
    const starts = meetingStarts(new Date("2027-03-04T21:00:00Z"), CHICAGO, {
      repeat: "weekly",
      every: 1,
      count: 3,
    });
    expect(iso(starts)).toEqual(["2027-03-04T21:00:00Z", "2027-03-11T21:00:00Z", "2027-03-18T20:00:00Z"]);
  });

  it("fortnightly: every 2 weeks, 14 days apart in local time across the autumn change", () => {
    // Thu 21 Oct 2027 10:00 CEST (08:00Z); 4 Nov is after the change: 10:00 CET (09:00Z).
    const starts = meetingStarts(new Date("2027-10-21T08:00:00Z"), BERLIN, {
      repeat: "weekly",
      every: 2,
      count: 3,
    });
    expect(iso(starts)).toEqual(["2027-10-21T08:00:00Z", "2027-11-04T09:00:00Z", "2027-11-18T09:00:00Z"]);
    expect(describeSeries(starts[0]!, BERLIN, 60, { repeat: "weekly", every: 2, count: 3 })).toBe(
      "Every 2 weeks on Thursday 10:00–11:00 CET/CEST, 3 times",
    );
  });

  it("monthly on the same weekday of the month (2nd Tuesday), not the same date", () => {
    // Tue 9 Mar 2027 is the 2nd Tuesday; then 13 Apr and 11 May (CDT from 14 Mar).
    const r: MeetingRepeat = { repeat: "monthly", every: 1, count: 3 };
    expect(meetingRule("2027-03-09T09:00", r)).toBe("FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU;COUNT=3");
    expect(iso(meetingStarts(new Date("2027-03-09T15:00:00Z"), CHICAGO, r))).toEqual([
      "2027-03-09T15:00:00Z",
      "2027-04-13T14:00:00Z",
      "2027-05-11T14:00:00Z",
    ]);
    expect(describeSeries(new Date("2027-03-09T15:00:00Z"), CHICAGO, 90, r)).toBe(
      "Every month on the second Tuesday 09:00–10:30 CST/CDT, 3 times",
    );
  });

  it("a start in the 5th week of the month means the last such weekday", () => {
    // Fri 29 Jan 2027 is the last Friday; the last Fridays after it are 26 Feb and 26 Mar.
    const r: MeetingRepeat = { repeat: "monthly", every: 1, count: 3 };
    expect(meetingRule("2027-01-29T14:00", r)).toContain("BYDAY=-1FR");
    expect(iso(meetingStarts(new Date("2027-01-29T20:00:00Z"), CHICAGO, r))).toEqual([
      "2027-01-29T20:00:00Z",
      "2027-02-26T20:00:00Z",
      "2027-03-26T19:00:00Z",
    ]);
  });

  it("every 3 months on the 1st Monday", () => {
    const starts = meetingStarts(new Date("2027-01-04T08:00:00Z"), BERLIN, {
      repeat: "monthly",
      every: 3,
      count: 3,
    });
    expect(iso(starts)).toEqual(["2027-01-04T08:00:00Z", "2027-04-05T07:00:00Z", "2027-07-05T07:00:00Z"]);
  });

  it.each<[MeetingRepeat, string | null]>([
    [{ repeat: "none", every: 1, count: 1 }, null],
    [{ repeat: "none", every: 1, count: 3 }, "Choose how the meetings repeat"],
    [{ repeat: "weekly", every: 1, count: 1 }, "at least 2 meetings"],
    [{ repeat: "weekly", every: 1, count: 27 }, "at most 26 meetings"],
    [{ repeat: "weekly", every: 2, count: 26 }, null],
    [{ repeat: "weekly", every: 4, count: 14 }, null],
    [{ repeat: "weekly", every: 3, count: 19 }, "54 weeks ahead"],
    [{ repeat: "monthly", every: 1, count: 13 }, null],
    [{ repeat: "monthly", every: 2, count: 8 }, "14 months ahead"],
  ])("repeat %o → %s", (r, problem) => {
    const found = repeatProblem(r);
    if (problem === null) expect(found).toBeNull();
    else expect(found?.[1]).toContain(problem);
  });

  it("refuses to expand an invalid repeat rather than schedule something else", () => {
    expect(() =>
      meetingStarts(new Date("2027-01-04T08:00:00Z"), BERLIN, { repeat: "weekly", every: 1, count: 1 }),
    ).toThrow(/at least 2/);
  });
});
