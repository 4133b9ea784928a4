import { describe, expect, it } from "vitest";
import { delegationPeriod, delegationRefusal, delegationState, type DelegationFacts } from "./rules";

const facts = (over: Partial<DelegationFacts> = {}): DelegationFacts => ({
  delegatorId: "a",
  delegateId: "b",
  delegateName: "Bo",
  delegateDisabled: false,
  role: "safety",
  siteId: "S",
  siteName: "Plant",
  zone: "America/Chicago",
  startDate: "2027-03-13",
  endDate: "2027-03-15",
  delegatorRoles: [{ siteId: "S", role: "safety" }],
  delegateRoles: [{ siteId: "S", role: "requester" }],
  existing: [],
  now: new Date("2027-03-13T12:00:00Z"),
  ...over,
});

describe("delegation rules", () => {
  it("counts whole days at the site across the spring DST change (71 hours, not 72)", () => {
    const p = delegationPeriod("2027-03-13", "2027-03-15", "America/Chicago")!;
    expect(p.startsAt.toISOString()).toBe("2027-03-13T06:00:00.000Z");
    expect(p.endsAt.toISOString()).toBe("2027-03-16T05:00:00.000Z");
  });

  it("allows a colleague holding a non-approving role; refuses the rest on the field concerned", () => {
    expect(delegationRefusal(facts())).toBeNull();
    expect(delegationRefusal(facts({ delegateId: "a" }))?.path).toBe("delegateEmail");
    expect(delegationRefusal(facts({ delegateRoles: [{ siteId: "S", role: "quality" }] }))?.message).toMatch(
      /is a quality approver at Plant/,
    );
    // A role at another site is no conflict here.
    expect(delegationRefusal(facts({ delegateRoles: [{ siteId: "T", role: "operations" }] }))).toBeNull();
    expect(delegationRefusal(facts({ startDate: "2027-03-12" }))?.path).toBe("startDate");
    expect(delegationRefusal(facts({ endDate: "2028-06-01" }))?.message).toMatch(/at most 366 days/);
  });

  it("refuses days overlapping a live delegation of the same role and site, not one that ended or another role", () => {
    const other = {
      siteId: "S",
      role: "safety" as const,
      startsAt: new Date("2027-03-15T05:00:00Z"),
      endsAt: new Date("2027-03-20T05:00:00Z"),
      delegateName: "Cy",
      startDate: "2027-03-15",
      endDate: "2027-03-19",
    };
    expect(delegationRefusal(facts({ existing: [other] }))?.message).toMatch(/already delegated this role/);
    expect(delegationRefusal(facts({ existing: [{ ...other, role: "operations" }] }))).toBeNull();
    expect(
      delegationRefusal(
        facts({
          existing: [{ ...other, startDate: "2027-03-16", startsAt: new Date("2027-03-16T05:00:00Z") }],
        }),
      ),
    ).toBeNull();
  });

  it("states", () => {
    const d = { startsAt: new Date(10), endsAt: new Date(20), revokedAt: null };
    expect([5, 15, 25].map((t) => delegationState(d, new Date(t)))).toEqual(["upcoming", "active", "ended"]);
    expect(delegationState({ ...d, revokedAt: new Date(12) }, new Date(15))).toBe("revoked");
  });
});
