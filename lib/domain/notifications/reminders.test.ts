import { describe, expect, it } from "vitest";
import { retryDelayMs, afterFailure } from "../jobs/backoff";
import {
  advisoryRemindersDue,
  baselineReminderAt,
  isDue,
  retrospectiveReminderAt,
  slotReminderAt,
} from "./reminders";

describe("reminder thresholds", () => {
  it("the slot reminder is 24 real hours before a start just after the spring-forward", () => {
    // 14 Mar 2027 03:00 CDT (after 02:00 CST jumped to 03:00 CDT) is 08:00Z; 24 h earlier is
    // 13 Mar 02:00 CST, 08:00Z, although the local clock shows 25 h between them.
    expect(slotReminderAt(new Date("2027-03-14T08:00:00Z")).toISOString()).toBe("2027-03-13T08:00:00.000Z");
  });

  it("the retrospective reminder is 24 hours before the due time", () => {
    expect(retrospectiveReminderAt(new Date("2027-11-07T12:00:00Z")).toISOString()).toBe(
      "2027-11-06T12:00:00.000Z",
    );
  });

  it("the baseline reminder keeps the plant's local time 25 days on, across the autumn change", () => {
    // 20 Oct 2027 09:00 CDT (14:00Z) + 25 days = 14 Nov 2027 09:00 CST (15:00Z).
    expect(baselineReminderAt(new Date("2027-10-20T14:00:00Z"), "America/Chicago").toISOString()).toBe(
      "2027-11-14T15:00:00.000Z",
    );
  });

  it("is due from its instant on, and not once stale", () => {
    const at = new Date("2027-03-13T08:00:00Z");
    expect(isDue(at, new Date("2027-03-13T07:59:59Z"))).toBe(false);
    expect(isDue(at, at)).toBe(true);
    expect(isDue(at, new Date("2027-03-14T08:00:00Z"), new Date("2027-03-14T08:00:00Z"))).toBe(false);
  });
});

describe("job back-off", () => {
  it.each([
    [1, 15_000],
    [2, 30_000],
    [3, 60_000],
    [9, 3_600_000],
    [30, 3_600_000],
  ])("after %i failed tries waits %i ms", (n, ms) => expect(retryDelayMs(n)).toBe(ms));

  it("dead-letters once the attempts are used up", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(afterFailure(2, 3, now)).toEqual({ state: "queued", runAt: new Date("2027-01-01T00:00:30Z") });
    expect(afterFailure(3, 3, now)).toEqual({ state: "dead" });
  });
});

describe("advisory CIP-007 reminders", () => {
  const clock = (at: string, overdue = false) =>
    ({ status: "decision_due", due: { what: "decision", at: new Date(at) }, overdue }) as const;
  const due = "2027-03-27T14:00:00.000Z"; // 27 Mar 09:00 CDT
  const kinds = (now: string) =>
    advisoryRemindersDue(clock(due), "America/Chicago", new Date(now)).map(
      (r) => `${r.kind}@${r.runAt.toISOString()}`,
    );

  it("7 calendar days before on the plant's clock, across the spring change: 20 Mar 09:00 CDT", () => {
    expect(kinds("2027-03-20T13:59:59Z")).toEqual([]);
    expect(kinds("2027-03-20T14:00:00Z")).toEqual(["advisory_due@2027-03-20T14:00:00.000Z"]);
  });

  it("overdue from the due instant, and neither once the catch-up period is past", () => {
    expect(kinds(due)).toEqual([`advisory_overdue@${due}`]);
    expect(kinds("2027-04-10T13:59:59Z")).toEqual([`advisory_overdue@${due}`]);
    expect(kinds("2027-04-10T14:00:00Z")).toEqual([]);
  });

  it("nothing once no step is due", () => {
    const settled = { status: "resolved", due: null, overdue: false } as const;
    expect(advisoryRemindersDue(settled, "UTC", new Date(due))).toEqual([]);
  });
});
