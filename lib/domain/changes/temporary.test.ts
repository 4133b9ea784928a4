import { describe, expect, it } from "vitest";
import {
  expiryStatus,
  expiryWarningAt,
  revertDraft,
  temporaryExpiryRefusal,
  temporaryInPlace,
} from "./temporary";

const at = (iso: string) => new Date(iso);
const NOW = at("2027-03-10T12:00:00Z");

describe("temporaryExpiryRefusal", () => {
  it.each<[string, string | null, string | null, RegExp | null]>([
    ["permanent", null, "2027-03-11T00:00:00Z", null],
    ["in the future, after the slot", "2027-03-12T00:00:00Z", "2027-03-11T00:00:00Z", null],
    ["no slot yet", "2027-03-12T00:00:00Z", null, null],
    ["in the past", "2027-03-10T11:59:00Z", null, /must be in the future/],
    ["exactly now", "2027-03-10T12:00:00Z", null, /must be in the future/],
    ["before the planned end", "2027-03-10T18:00:00Z", "2027-03-11T00:00:00Z", /after the planned end/],
  ])("%s", (_name, until, end, refusal) => {
    const r = temporaryExpiryRefusal(until ? at(until) : null, end ? at(end) : null, NOW);
    if (refusal) expect(r).toMatch(refusal);
    else expect(r).toBeNull();
  });
});

describe("expiry approaching", () => {
  it("starts three local days before, at the same wall-clock time across the spring DST change", () => {
    // Chicago: CST → CDT on Sun 14 Mar 2027. 09:00 CDT on the 16th is 14:00Z; 09:00 CST on the 13th is 15:00Z.
    expect(expiryWarningAt(at("2027-03-16T14:00:00Z"), "America/Chicago").toISOString()).toBe(
      "2027-03-13T15:00:00.000Z",
    );
    // And across the autumn change (CDT → CST on Sun 7 Nov 2027).
    expect(expiryWarningAt(at("2027-11-09T15:00:00Z"), "America/Chicago").toISOString()).toBe(
      "2027-11-06T14:00:00.000Z",
    );
    expect(expiryWarningAt(at("2027-03-16T14:00:00Z"), "UTC").toISOString()).toBe("2027-03-13T14:00:00.000Z");
  });

  it.each<[string, string]>([
    ["2027-03-13T14:59:00Z", "in_place"],
    ["2027-03-13T15:00:00Z", "expiring"],
    ["2027-03-16T13:59:00Z", "expiring"],
    ["2027-03-16T14:00:00Z", "expired"],
  ])("at %s it is %s", (now, status) => {
    expect(expiryStatus(at("2027-03-16T14:00:00Z"), at(now), "America/Chicago")).toBe(status);
  });
});

describe("temporaryInPlace and the revert draft", () => {
  it.each<[string, string | null, boolean]>([
    ["implemented", "success", true],
    ["pssr_pending", "success", true],
    ["closed", "success", true],
    ["rolled_back", "rolled_back", false],
    ["failed", "failed", false],
    ["approved", null, false],
  ])("%s with outcome %s is in place: %s", (state, outcome, expected) => {
    expect(temporaryInPlace({ state, outcome } as Parameters<typeof temporaryInPlace>[0])).toBe(expected);
  });

  it("takes the backout plan as the revert's plan and names the expiry in the site's zone", () => {
    const d = revertDraft(
      {
        number: "CHG-2027-00042",
        title: "Vendor session rule",
        implementationPlan: "Add rule 4711",
        backoutPlan: "Delete rule 4711",
        temporaryUntil: at("2027-03-16T14:00:00Z"),
      },
      "America/Chicago",
    );
    expect(d.title).toBe("Revert CHG-2027-00042: Vendor session rule");
    expect(d.implementationPlan).toBe("Delete rule 4711");
    expect(d.backoutPlan).toContain("Add rule 4711");
    expect(d.description).toContain("16 Mar 2027, 09:00 CDT");
  });
});
