import { describe, it, expect } from "vitest";
import type { SignoffRole, SignoffDecision } from "../constants";
import { SIGNOFF_ROLES } from "../constants";
import { independentSignoffs, signoffMeaning } from "./signing";
import { PLC, CHM_PLC, SIS, change, signoff } from "./test-fixtures";

const base = change({ assets: [PLC, CHM_PLC, SIS] });

describe("signoffMeaning", () => {
  it.each<[SignoffRole, SignoffDecision, string | undefined, string]>([
    ["operations", "approve", "Refinery", "Approved as operations authority for Refinery"],
    ["operations", "reject", "Refinery", "Rejected as operations authority for Refinery"],
    ["security", "approve", undefined, "Approved as IT/OT security authority"],
    ["safety", "approve", undefined, "Approved as safety authority"],
    ["safety", "reject", undefined, "Rejected as safety authority"],
    ["change_board", "approve", undefined, "Approved as change board chair"],
    ["quality", "reject", undefined, "Rejected as quality authority"],
    ["pssr", "approve", undefined, "Approved as safety authority (pre-startup safety review)"],
  ])("%s %s", (role, decision, site, expected) => {
    expect(signoffMeaning(role, decision, site)).toBe(expected);
  });

  it("defaults to approve and has a meaning for every role", () => {
    for (const role of SIGNOFF_ROLES) expect(signoffMeaning(role)).toMatch(/^Approved as /);
  });
});

describe("independentSignoffs", () => {
  const t = (h: number) => new Date(Date.UTC(2027, 2, 10, h));
  it("drops the requester's and a second perspective of one person, keeping the earliest", () => {
    const byReq = signoff("security", { signerId: "u-req", signedAt: t(1) });
    const first = signoff("operations", { signerId: "u-x", signedAt: t(2) });
    const second = signoff("security", { signerId: "u-x", signedAt: t(3) });
    const other = signoff("safety", { signerId: "u-s", signedAt: t(4) });
    expect(independentSignoffs(base, [other, second, first, byReq]).map((s) => s.id)).toEqual([
      first.id,
      other.id,
    ]);
  });

  it("keeps a safety signer's PSSR, superseded rows and earlier rounds", () => {
    const safety = signoff("safety", { signerId: "u-s", signedAt: t(1) });
    const pssr = signoff("pssr", { signerId: "u-s", signedAt: t(5) });
    const old = signoff("operations", { signerId: "u-s", signedAt: t(0), superseded: true });
    const prev = signoff("security", { signerId: "u-s", signedAt: t(0), round: 0 });
    expect(
      independentSignoffs(base, [safety, pssr, old, prev])
        .map((s) => s.id)
        .sort(),
    ).toEqual([safety.id, pssr.id, old.id, prev.id].sort());
  });
});
