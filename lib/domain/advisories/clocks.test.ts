import { describe, expect, it } from "vitest";
import { addEvaluationDays, siteClock, worstClock, type SiteReviewFacts } from "./clocks";

const imported = new Date("2027-02-20T15:00:00Z"); // 09:00 CST
const base: SiteReviewFacts = {
  importedAt: imported,
  timeZone: "America/Chicago",
  applicable: null,
  decidedAt: null,
  planTargetDate: null,
  closedFixChanges: 0,
};
const at = (iso: string) => new Date(iso);

describe("CIP-007 R2 clocks", () => {
  it("adds 35 days on the plant's clock, across the DST change (09:00 CST → 09:00 CDT)", () => {
    expect(addEvaluationDays(imported, "America/Chicago").toISOString()).toBe("2027-03-27T14:00:00.000Z");
    expect(addEvaluationDays(imported, "UTC").toISOString()).toBe("2027-03-27T15:00:00.000Z");
  });

  it.each([
    ["day 34", "2027-03-26T14:00:00Z", false],
    ["the due instant", "2027-03-27T14:00:00Z", false],
    ["one minute later", "2027-03-27T14:01:00Z", true],
  ])("an undecided advisory on %s is overdue: %s", (_label, now, overdue) => {
    const clock = siteClock(base, at(now));
    expect(clock.status).toBe("decision_due");
    expect(clock.due?.what).toBe("decision");
    expect(clock.due?.at.toISOString()).toBe("2027-03-27T14:00:00.000Z");
    expect(clock.overdue).toBe(overdue);
  });

  it("after an applicable decision, the fix or plan is due 35 days after the decision", () => {
    const decided = { ...base, applicable: true, decidedAt: at("2027-03-01T15:00:00Z") };
    const clock = siteClock(decided, at("2027-04-05T14:00:00Z"));
    expect(clock).toMatchObject({ status: "open", overdue: false, due: { what: "fix_or_plan" } });
    expect(clock.due?.at.toISOString()).toBe("2027-04-05T14:00:00.000Z");
    expect(siteClock(decided, at("2027-04-05T14:00:01Z")).overdue).toBe(true);
  });

  it("a closed fix resolves it; a plan moves the due date to its target", () => {
    const decided = { ...base, applicable: true, decidedAt: at("2027-03-01T15:00:00Z") };
    expect(siteClock({ ...decided, closedFixChanges: 1 }, at("2028-01-01T00:00:00Z"))).toEqual({
      status: "resolved",
      due: null,
      overdue: false,
    });
    const planned = { ...decided, planTargetDate: at("2027-06-30T22:00:00Z") };
    expect(siteClock(planned, at("2027-06-30T21:00:00Z"))).toMatchObject({
      status: "mitigated",
      overdue: false,
    });
    expect(siteClock(planned, at("2027-07-01T00:00:00Z"))).toMatchObject({
      status: "mitigated",
      overdue: true,
    });
  });

  it("not applicable has nothing due", () => {
    const clock = siteClock({ ...base, applicable: false, decidedAt: imported }, at("2030-01-01T00:00:00Z"));
    expect(clock).toEqual({ status: "not_applicable", due: null, overdue: false });
  });

  it("the advisory shows its most pressing site", () => {
    const now = at("2027-03-28T00:00:00Z");
    const overdue = siteClock(base, now);
    const fine = siteClock({ ...base, importedAt: at("2027-03-20T00:00:00Z") }, now);
    const na = siteClock({ ...base, applicable: false, decidedAt: imported }, now);
    expect(worstClock([na, fine, overdue])).toBe(overdue);
    expect(worstClock([na, fine])).toBe(fine);
    expect(worstClock([])).toBeNull();
  });
});
