// Rule 7 (PRODUCT.md): which states of an emergency change owe its retrospective sign-offs.
// The dashboard, the change list, the inbox and canSign all read OWING_STATES; this pins it.
import { describe, expect, it } from "vitest";
import { CHANGE_STATES, type ChangeState } from "../constants";
import { OWING_STATES, evaluateSignoffs } from "./evaluation";
import { requiredSignoffs } from "./policy";
import { canSign } from "./signing";
import { CHM, CHM_PLC, PLC, SIS, actor, change, risk, signoff } from "./test-fixtures";

const OWES: Record<ChangeState, boolean> = {
  draft: false,
  submitted: false, // not approved yet: the 72-hour clock has not started
  approved: true,
  in_progress: true,
  implemented: true,
  pssr_pending: true,
  closed: false, // closing requires every owed sign-off
  rejected: false,
  cancelled: false, // cancelled before its start: nothing reached a controller
  failed: true, // the attempt reached a controller; the board still reviews it
  rolled_back: true,
};

const approvedAt = new Date("2027-03-10T08:00:00Z");
const late = new Date("2027-03-14T08:00:00Z");

describe("OWING_STATES", () => {
  it("covers every state exactly as rule 7 reads", () => {
    expect(Object.keys(OWES).sort()).toEqual([...CHANGE_STATES].sort());
    expect([...OWING_STATES].sort()).toEqual(CHANGE_STATES.filter((s) => OWES[s]).sort());
  });

  // An owed sign-off that nobody may give would stay overdue for ever.
  it.each(CHANGE_STATES.filter((s) => OWES[s]))("an overdue sign-off can still be given when %s", (state) => {
    const ch = change({ class: "emergency", state, approvedAt, assets: [PLC, CHM_PLC, SIS] });
    const required = requiredSignoffs(ch, risk("high", 7));
    const pre = [
      signoff("operations", { siteId: PLC.siteId }),
      signoff("operations", { siteId: CHM.siteId }),
      signoff("security"),
      signoff("safety"),
    ];
    const e = evaluateSignoffs(required, pre, 1, { now: late, approvedAt });
    expect(e.overdueRetrospective.map((o) => o.req.role)).toEqual(["change_board"]);
    const cm = actor("u-cm", [[CHM.siteId, "change_manager"]]);
    expect(canSign(ch, pre, cm, "change_board", null, required)).toEqual({ ok: true, siteId: CHM.siteId });
  });

  it.each(["closed", "cancelled", "rejected"] as const)(
    "nothing can be signed retrospectively when %s",
    (state) => {
      const ch = change({ class: "emergency", state, approvedAt, assets: [PLC, CHM_PLC, SIS] });
      const cm = actor("u-cm", [[CHM.siteId, "change_manager"]]);
      const result = canSign(ch, [], cm, "change_board", null, requiredSignoffs(ch, risk("high", 7)));
      expect(result).toMatchObject({ ok: false, code: "wrong_state" });
    },
  );
});
