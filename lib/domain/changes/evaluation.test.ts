import { describe, it, expect } from "vitest";
import { evaluateSignoffs } from "./evaluation";
import { requiredSignoffs } from "./policy";
import type { SignoffFacts } from "./types";
import { CHM, CHM_PLC, GXP, PLC, REF, change, risk, signoff } from "./test-fixtures";

const normal = requiredSignoffs(change({ assets: [PLC, CHM_PLC] }), risk("low"));
// operations@CHM, operations@REF, security

const emergency = requiredSignoffs(change({ class: "emergency", assets: [GXP] }), risk("high", 6));
// operations@CHM, security, change_board~, quality~

const opsRef = () => signoff("operations", { siteId: REF.siteId, signerId: "u-ops-ref" });
const opsChm = () => signoff("operations", { siteId: CHM.siteId, signerId: "u-ops-chm" });
const sec = () => signoff("security");

function roles(list: { role: string; siteCode?: string | null }[]): string[] {
  return list.map((r) => `${r.role}${r.siteCode ? `@${r.siteCode}` : ""}`);
}

describe("evaluateSignoffs", () => {
  it.each<[string, SignoffFacts[], string[], boolean]>([
    ["nothing signed", [], ["operations@CHM", "operations@REF", "security"], false],
    ["all signed", [opsRef(), opsChm(), sec()], [], true],
    ["one site's operations missing", [opsRef(), sec()], ["operations@CHM"], false],
    [
      "operations of a site outside the change does not count",
      [opsRef(), sec(), signoff("operations", { siteId: "elsewhere" })],
      ["operations@CHM"],
      false,
    ],
    [
      "superseded sign-off does not count",
      [opsRef(), opsChm(), signoff("security", { superseded: true })],
      ["security"],
      false,
    ],
    [
      "earlier round does not count",
      [opsRef(), opsChm(), signoff("security", { round: 0 })],
      ["security"],
      false,
    ],
    [
      "later round does not count either",
      [opsRef(), opsChm(), signoff("security", { round: 2 })],
      ["security"],
      false,
    ],
    ["a role nobody requires does not help", [opsRef(), opsChm(), signoff("quality")], ["security"], false],
  ])("%s", (_name, signoffs, missing, all) => {
    const ev = evaluateSignoffs(normal, signoffs, 1);
    expect(roles(ev.missing)).toEqual(missing);
    expect(ev.allPreStartSatisfied).toBe(all);
  });

  it("reports rejections by required roles and refuses to call the round satisfied", () => {
    const rej = signoff("security", { decision: "reject" });
    const ev = evaluateSignoffs(
      normal,
      [opsRef(), opsChm(), rej, signoff("quality", { decision: "reject" })],
      1,
    );
    expect(ev.rejected).toEqual([rej]);
    expect(roles(ev.missing)).toEqual(["security"]);
    expect(ev.allPreStartSatisfied).toBe(false);
  });

  it("ignores superseded or earlier-round rejections", () => {
    const ev = evaluateSignoffs(
      normal,
      [
        opsRef(),
        opsChm(),
        sec(),
        signoff("security", { decision: "reject", round: 0 }),
        signoff("security", { decision: "reject", superseded: true }),
      ],
      1,
    );
    expect(ev.rejected).toEqual([]);
    expect(ev.allPreStartSatisfied).toBe(true);
  });

  it("lists current-round superseded sign-offs only", () => {
    const current = signoff("security", { superseded: true });
    const ev = evaluateSignoffs(normal, [current, signoff("security", { superseded: true, round: 0 })], 1);
    expect(ev.superseded).toEqual([current]);
  });

  it("pairs each requirement with the earliest approving sign-off", () => {
    const late = signoff("security", { signerId: "u-late", signedAt: new Date("2027-03-11T00:00:00Z") });
    const early = signoff("security", { signerId: "u-early", signedAt: new Date("2027-03-09T00:00:00Z") });
    const ev = evaluateSignoffs(normal, [opsRef(), opsChm(), late, early], 1);
    expect(ev.satisfied.map((s) => [s.req.role, s.req.siteCode, s.signoff.signerId])).toEqual([
      ["operations", "CHM", "u-ops-chm"],
      ["operations", "REF", "u-ops-ref"],
      ["security", null, "u-early"],
    ]);
  });

  it("lets an emergency change be satisfied without its retrospective sign-offs", () => {
    const ev = evaluateSignoffs(emergency, [opsChm(), sec()], 1);
    expect(roles(ev.missing)).toEqual(["change_board", "quality"]);
    expect(ev.allPreStartSatisfied).toBe(true);
  });

  describe("overdue retrospective sign-offs", () => {
    const approvedAt = new Date("2027-03-14T08:00:00Z");
    it.each<[string, string, SignoffFacts[], string[]]>([
      ["before the deadline", "2027-03-16T08:00:00Z", [], []],
      ["exactly at the deadline", "2027-03-17T08:00:00Z", [], []],
      ["one minute past", "2027-03-17T08:01:00Z", [], ["change_board", "quality"]],
      [
        "past, board signed",
        "2027-03-18T00:00:00Z",
        [signoff("change_board", { retrospective: true })],
        ["quality"],
      ],
    ])("%s", (_name, now, extra, overdue) => {
      const ev = evaluateSignoffs(emergency, [opsChm(), sec(), ...extra], 1, {
        now: new Date(now),
        approvedAt,
      });
      expect(roles(ev.overdueRetrospective.map((o) => o.req))).toEqual(overdue);
      for (const o of ev.overdueRetrospective) expect(o.dueAt.toISOString()).toBe("2027-03-17T08:00:00.000Z");
    });

    it("does not start the clock before approval", () => {
      const ev = evaluateSignoffs(emergency, [], 1, {
        now: new Date("2030-01-01T00:00:00Z"),
        approvedAt: null,
      });
      expect(ev.overdueRetrospective).toEqual([]);
    });

    it("never reports pre-start sign-offs as retrospective", () => {
      const ev = evaluateSignoffs(normal, [], 1, { now: new Date("2030-01-01T00:00:00Z"), approvedAt });
      expect(ev.overdueRetrospective).toEqual([]);
    });
  });
});
