import { describe, expect, it } from "vitest";
import type { WindowDef } from "./types";
import { win as sundays } from "./fixtures.test-support";
import { summarizeWindow } from "./summary";

// 7 Mar 2027 is a Sunday, CST.
const win = (overrides: Partial<WindowDef>): WindowDef =>
  sundays({ localStart: "2027-03-07T01:00", ...overrides });

describe("summarizeWindow", () => {
  it.each<[Partial<WindowDef>, string]>([
    [{ untilLocal: "2027-03-31" }, "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2027"],
    [{ untilLocal: "2027-03-28T01:00" }, "Every Sunday 01:00–05:00 CST/CDT, until 28 Mar 2027 01:00"],
    [{ rrule: "FREQ=WEEKLY" }, "Every Sunday 01:00–05:00 CST/CDT"],
    [{ rrule: "FREQ=WEEKLY;BYDAY=SA,SU" }, "Every weekend day 01:00–05:00 CST/CDT"],
    [{ rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR" }, "Every Monday, Wednesday and Friday 01:00–05:00 CST/CDT"],
    [
      { rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,SA" },
      "Every 2 weeks on Saturday and Sunday 01:00–05:00 CST/CDT",
    ],
    [
      {
        rrule: "FREQ=DAILY;COUNT=10",
        localStart: "2027-03-07T02:00",
        durationMinutes: 60,
        timeZone: "Europe/Berlin",
      },
      "Every day 02:00–03:00 CET, 10 times",
    ],
    [{ rrule: "FREQ=DAILY;COUNT=1" }, "Every day 01:00–05:00 CST, 1 time"],
    [{ rrule: "FREQ=DAILY;INTERVAL=3" }, "Every 3 days 01:00–05:00 CST/CDT"],
    [{ rrule: "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR" }, "Every weekday 01:00–05:00 CST/CDT"],
    [{ rrule: "FREQ=MONTHLY;BYMONTHDAY=1" }, "Every month on the 1st 01:00–05:00 CST/CDT"],
    [{ rrule: "FREQ=MONTHLY" }, "Every month on the 7th 01:00–05:00 CST/CDT"],
    [
      { rrule: "FREQ=MONTHLY;BYMONTHDAY=2,22,-1" },
      "Every month on the 2nd, 22nd and last day 01:00–05:00 CST/CDT",
    ],
    [
      { rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=11,-2" },
      "Every 3 months on the 11th and 2nd-to-last day 01:00–05:00 CST/CDT",
    ],
    [{ rrule: "FREQ=MONTHLY;BYDAY=1SA" }, "Every month on the first Saturday 01:00–05:00 CST/CDT"],
    [
      { rrule: "FREQ=MONTHLY;BYDAY=1SU,-1SA" },
      "Every month on the first Sunday and last Saturday 01:00–05:00 CST/CDT",
    ],
    [
      { rrule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" },
      "Every month on the last weekday 01:00–05:00 CST/CDT",
    ],
    [{ rrule: "FREQ=YEARLY" }, "Every year on 7 March 01:00–05:00 CST"],
    [{ rrule: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24" }, "Every year on 24 December 01:00–05:00 CST"],
    [
      { rrule: "FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYDAY=1SU" },
      "Every 2 years on the first Sunday of October 01:00–05:00 CDT",
    ],
    [
      { rrule: "FREQ=WEEKLY;BYDAY=SA", localStart: "2027-03-06T22:00" },
      "Every Saturday 22:00–02:00 (next day) CST/CDT",
    ],
    [
      { rrule: "FREQ=MONTHLY;BYMONTHDAY=1", durationMinutes: 2880 },
      "Every month on the 1st 01:00 CST/CDT for 2 days",
    ],
    [{ rrule: "FREQ=WEEKLY;BYDAY=SU", durationMinutes: 90 }, "Every Sunday 01:00–02:30 CST/CDT"],
    [{ rrule: "FREQ=WEEKLY;BYDAY=SU", localStart: "2027-07-04T01:00" }, "Every Sunday 01:00–05:00 CST/CDT"],
    [
      { exdatesLocal: ["2027-03-14T01:00", "2027-03-21T01:00"], untilLocal: "2027-04-30" },
      "Every Sunday 01:00–05:00 CST/CDT, until 30 Apr 2027 (2 cancelled)",
    ],
    [{ rrule: "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270331" }, "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2027"],
  ])("%j → %s", (overrides, expected) => {
    expect(summarizeWindow(win(overrides))).toBe(expected);
  });

  it.each<[Partial<WindowDef>, string]>([
    [
      { rrule: null, localStart: "2027-03-06T22:00" },
      "Once, Sat 6 Mar 2027 22:00 – Sun 7 Mar 2027 02:00 CST",
    ],
    [{ rrule: null, localStart: "2027-03-14T00:00" }, "Once, Sun 14 Mar 2027 00:00 CST – 05:00 CDT"],
    [
      { rrule: null, localStart: "2027-06-05T08:00", durationMinutes: 120, timeZone: "Europe/Berlin" },
      "Once, Sat 5 Jun 2027 08:00–10:00 CEST",
    ],
  ])("one-off %j → %s", (overrides, expected) => {
    expect(summarizeWindow(win(overrides))).toBe(expected);
  });

  it("falls back to rrule's wording for shapes it does not phrase itself", () => {
    expect(summarizeWindow(win({ rrule: "FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=1" }))).toBe(
      "Every January and July on the 1st 01:00–05:00 CST/CDT",
    );
    expect(summarizeWindow(win({ rrule: "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR" }))).toBe(
      "Every month on Friday the 13th 01:00–05:00 CST/CDT",
    );
  });

  // A series names every abbreviation its occurrences fall in, standard (smaller offset) first.
  it.each<[string, Partial<WindowDef>, string]>([
    [
      "Chicago weekly from summer, unbounded",
      { rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: "2026-07-07T07:00", durationMinutes: 600 },
      "Every Tuesday 07:00–17:00 CST/CDT",
    ],
    [
      "Berlin daily across the autumn change",
      {
        rrule: "FREQ=DAILY;COUNT=10",
        localStart: "2027-10-27T02:00",
        durationMinutes: 60,
        timeZone: "Europe/Berlin",
      },
      "Every day 02:00–03:00 CET/CEST, 10 times",
    ],
    [
      "Chicago short series within summer",
      { rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=4", localStart: "2026-07-07T07:00", durationMinutes: 600 },
      "Every Tuesday 07:00–17:00 CDT, 4 times",
    ],
    [
      "Chicago series ending before the spring change",
      { rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: "2026-12-01T07:00", untilLocal: "2027-03-01" },
      "Every Tuesday 07:00–11:00 CST, until 1 Mar 2027",
    ],
    [
      "Kolkata has no DST",
      { rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: "2026-07-07T07:00", timeZone: "Asia/Kolkata" },
      "Every Tuesday 07:00–11:00 IST",
    ],
    [
      "UTC has no DST",
      { rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: "2026-07-07T07:00", timeZone: "UTC" },
      "Every Tuesday 07:00–11:00 UTC",
    ],
    [
      "Sydney: standard (AEST) is the southern winter",
      { rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: "2026-12-01T07:00", timeZone: "Australia/Sydney" },
      "Every Tuesday 07:00–11:00 AEST/AEDT",
    ],
    [
      "Sydney short series in summer",
      {
        rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        localStart: "2026-12-01T07:00",
        timeZone: "Australia/Sydney",
      },
      "Every Tuesday 07:00–11:00 AEDT, 3 times",
    ],
    [
      "a sparse unbounded series (Friday the 13th) is read over years",
      { rrule: "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", localStart: "2027-08-13T01:00" },
      "Every month on Friday the 13th 01:00–05:00 CST/CDT",
    ],
    // The inputs e2e/schedule.spec.ts asserts (GCR is a Chicago site).
    [
      "e2e: Sundays 3–17 Mar 2030",
      { localStart: "2030-03-03T01:00", untilLocal: "2030-03-17" },
      "Every Sunday 01:00–05:00 CST/CDT, until 17 Mar 2030",
    ],
    [
      "e2e: Wednesdays and Sundays from June 2030",
      { rrule: "FREQ=WEEKLY;BYDAY=SU,WE", localStart: "2030-06-02T01:00" },
      "Every Wednesday and Sunday 01:00–05:00 CST/CDT",
    ],
    [
      "e2e: three Sundays in June 2030",
      { rrule: "FREQ=WEEKLY;BYDAY=SU;COUNT=3", localStart: "2030-06-02T01:00" },
      "Every Sunday 01:00–05:00 CDT, 3 times",
    ],
  ])("DST: %s", (_name, overrides, expected) => {
    expect(summarizeWindow(win(overrides))).toBe(expected);
  });

  it("says when a definition is invalid instead of throwing", () => {
    expect(summarizeWindow(win({ rrule: "FREQ=SECONDLY" }))).toBe(
      "Invalid schedule: Invalid recurrence rule: FREQ=SECONDLY is not allowed; windows repeat DAILY, WEEKLY, MONTHLY or YEARLY",
    );
  });
});
