import { describe, expect, it } from "vitest";
import type { WindowDef } from "./types";
import { validateRrule } from "./rule";
import { expandWindow } from "./recurrence";

describe("validateRrule accepts the window subset of RFC 5545", () => {
  it.each([
    "FREQ=WEEKLY;BYDAY=SU",
    "RRULE:FREQ=WEEKLY;BYDAY=SU",
    "rrule:freq=weekly;byday=sa,su;",
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=2;COUNT=10",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;WKST=SU",
    "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270331",
    "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270331T235959",
    "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270331T235959Z",
    "FREQ=MONTHLY;BYMONTHDAY=1,15,-1",
    "FREQ=MONTHLY;BYDAY=1SA",
    "FREQ=MONTHLY;BYDAY=+1SA,-1SU",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
  ])("%s", (rule) => {
    expect(validateRrule(rule)).toEqual({ ok: true });
  });
});

describe("validateRrule rejects with a clear message", () => {
  it.each([
    ["", "empty"],
    ["FREQ=SECONDLY", "FREQ=SECONDLY is not allowed"],
    ["FREQ=MINUTELY;INTERVAL=5", "FREQ=MINUTELY is not allowed"],
    ["FREQ=HOURLY", "FREQ=HOURLY is not allowed"],
    ["BYDAY=SU", "FREQ is missing"],
    ["FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not allowed"],
    ["FREQ=WEEKLY;BYDAY=XX", 'BYDAY value "XX"'],
    ["FREQ=WEEKLY;BYDAY=1SU", "need FREQ=MONTHLY or YEARLY"],
    ["FREQ=MONTHLY;BYDAY=6SU", "must be ±1–5"],
    ["FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY values"],
    ["FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY values"],
    ["FREQ=DAILY;BYMONTHDAY=1", "BYMONTHDAY needs FREQ=MONTHLY or YEARLY"],
    ["FREQ=YEARLY;BYMONTH=13", "BYMONTH values"],
    ["FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be"],
    ["FREQ=WEEKLY;INTERVAL=abc", "INTERVAL must be"],
    ["FREQ=DAILY;INTERVAL=367", "INTERVAL must be 1–366"],
    ["FREQ=DAILY;COUNT=0", "COUNT must be"],
    ["FREQ=DAILY;COUNT=100000", "COUNT must be"],
    ["FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "COUNT and UNTIL"],
    ["FREQ=WEEKLY;UNTIL=2027-01-01", "UNTIL=2027-01-01 is not a date"],
    ["FREQ=WEEKLY;UNTIL=20270230", "is not a date"],
    ["FREQ=DAILY;BYHOUR=3", "time of day comes from the window's start"],
    ["FREQ=DAILY;BYMINUTE=30", "time of day comes from the window's start"],
    ["FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not supported"],
    ["FREQ=WEEKLY;DTSTART=20270101T000000", "start belongs in the window's start field"],
    ["FREQ=WEEKLY;TZID=America/Chicago", "time zone comes from the site"],
    ["FREQ=WEEKLY;FREQ=DAILY", "FREQ appears twice"],
    ["FREQ=WEEKLY;FOO=1", "unknown part FOO"],
    ["FREQ=WEEKLY;BYDAY", '"BYDAY" is not KEY=VALUE'],
    ["FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs BYDAY or BYMONTHDAY"],
    ["FREQ=WEEKLY\nBYDAY=SU", "single RRULE line"],
    [`FREQ=DAILY;${"BYMONTH=1;".repeat(60)}`, "longer than 500"],
  ])("%j", (rule, fragment) => {
    const result = validateRrule(rule);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(fragment);
    expect(!result.ok && result.message).toMatch(/^Invalid recurrence rule: /);
  });

  it.each([
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2027-02-01T01:00", false],
    ["FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "2027-04-01T01:00", false],
    ["FREQ=MONTHLY;BYDAY=SU;BYSETPOS=6", "2027-03-07T01:00", false],
    ["FREQ=DAILY;INTERVAL=14;BYDAY=TU", "2027-03-08T01:00", false], // a Monday: every 14 days is always a Monday
    ["FREQ=DAILY;INTERVAL=14;BYDAY=MO", "2027-03-08T01:00", true],
    ["FREQ=MONTHLY;INTERVAL=12;BYMONTH=3", "2027-01-15T01:00", false], // only ever January
    ["FREQ=MONTHLY;INTERVAL=12;BYMONTH=3", "2027-03-15T01:00", true],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2027-01-01T01:00", true], // rare but real
  ])("with a start, %s from %s produces occurrences: %s", (rule, localStart, ok) => {
    expect(validateRrule(rule, localStart).ok).toBe(ok);
  });

  it("rejects a rule that never fires quickly instead of iterating to year 9999", () => {
    const t0 = performance.now();
    expect(validateRrule("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", "2027-01-01T00:00").ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("restarting a long-running series near the range gives the same occurrences", () => {
  const rules = [
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=DAILY;BYDAY=MO,WE;INTERVAL=2",
    "FREQ=DAILY;BYMONTH=2",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,TU",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=WEEKLY;BYDAY=SA;WKST=SU;INTERVAL=2",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;INTERVAL=5",
    "FREQ=MONTHLY;BYMONTH=3,9",
    "FREQ=MONTHLY;BYDAY=-1SU;INTERVAL=2",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;INTERVAL=4",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=YEARLY",
    "FREQ=YEARLY;INTERVAL=2",
    "FREQ=YEARLY;BYMONTH=3,9",
    "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
  ];
  const cases = rules.flatMap((rule) =>
    ["2019-01-31T23:30", "2020-02-29T02:30", "2018-12-30T00:15"].map((start) => [rule, start] as const),
  );

  // COUNT forces rrule to iterate from the original start, the reference behaviour.
  it.each(cases)("%s from %s", (rule, localStart) => {
    const def: WindowDef = {
      id: "w",
      siteId: "s",
      kind: "maintenance",
      title: "t",
      areaIds: [],
      localStart,
      durationMinutes: 90,
      rrule: rule,
      untilLocal: null,
      exdatesLocal: [],
      timeZone: "America/Chicago",
    };
    const range = [new Date("2026-01-01T00:00:00.000Z"), new Date("2029-01-01T00:00:00.000Z")] as const;
    const fast = expandWindow(def, ...range).map((o) => o.start.toISOString());
    const reference = expandWindow({ ...def, rrule: `${rule};COUNT=5000` }, ...range).map((o) =>
      o.start.toISOString(),
    );
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(reference);
  });
});
