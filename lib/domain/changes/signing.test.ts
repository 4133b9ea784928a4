import { describe, it, expect } from "vitest";
import type { SignoffRole } from "../constants";
import { canSign, type CanSignResult } from "./signing";
import { requiredSignoffs } from "./policy";
import type { ActorFacts, ChangeFacts, SignoffFacts } from "./types";
import { CHM, CHM_PLC, GXP, PLC, REF, SIS, actor, change, risk, signoff } from "./test-fixtures";

// Two sites, a SIS and high risk: operations@CHM, operations@REF, security, safety, change board.
const base = change({ assets: [PLC, CHM_PLC, SIS] });
const required = requiredSignoffs(base, risk("high", 7));

interface Case {
  name: string;
  change?: Partial<ChangeFacts>;
  signoffs?: SignoffFacts[];
  actor: ActorFacts;
  role: SignoffRole;
  siteId?: string | null;
  expected: CanSignResult;
}

function run(c: Case): CanSignResult {
  const ch = change({ assets: [PLC, CHM_PLC, SIS], ...c.change });
  const req = requiredSignoffs(ch, risk("high", 7));
  return canSign(ch, c.signoffs ?? [], c.actor, c.role, c.siteId, req);
}

const refusals: Case[] = [
  {
    name: "someone who edited the scope after submission counts as a requester",
    change: { scopeEditorIds: ["u-editor"] },
    actor: actor("u-editor", [[REF.siteId, "safety"]]),
    role: "safety",
    expected: {
      ok: false,
      code: "editor",
      reason:
        "You edited this change's scope after it was submitted, so you count as one of its requesters; a requester never signs their own change",
    },
  },
  {
    name: "the assigned implementer",
    change: { implementerId: "u-impl" },
    actor: actor("u-impl", [[REF.siteId, "security"]]),
    role: "security",
    expected: {
      ok: false,
      code: "signer_is_implementer",
      reason:
        "You are the assigned implementer of this change; the person who implements a change gives none of its sign-offs",
    },
  },
  {
    name: "requester signs own change (even holding the role)",
    actor: actor("u-req", [[REF.siteId, "safety"]]),
    role: "safety",
    expected: {
      ok: false,
      code: "requester",
      reason: "You requested this change; a requester never signs their own change",
    },
  },
  {
    name: "requester check comes first, even in a wrong state",
    change: { state: "closed" },
    actor: actor("u-req", []),
    role: "quality",
    expected: {
      ok: false,
      code: "requester",
      reason: "You requested this change; a requester never signs their own change",
    },
  },
  {
    name: "role not required (no GxP asset)",
    actor: actor("u-q", [[REF.siteId, "quality"]]),
    role: "quality",
    expected: { ok: false, code: "not_required", reason: "Quality sign-off is not required for this change" },
  },
  {
    name: "PSSR not required without safety",
    change: { state: "implemented", assets: [PLC] },
    actor: actor("u-s", [[REF.siteId, "safety"]]),
    role: "pssr",
    expected: { ok: false, code: "not_required", reason: "PSSR sign-off is not required for this change" },
  },
  {
    name: "site not affected by the change",
    actor: actor("u-sec", [["site-x", "security"]]),
    role: "security",
    siteId: "site-x",
    expected: { ok: false, code: "not_required", reason: "That site is not affected by this change" },
  },
  {
    name: "normal sign-off after approval",
    change: { state: "approved" },
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "security",
    expected: {
      ok: false,
      code: "wrong_state",
      reason: "Security sign-off can be given only while the change is submitted; it is approved",
    },
  },
  {
    name: "sign-off on a draft",
    change: { state: "draft" },
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "security",
    expected: {
      ok: false,
      code: "wrong_state",
      reason: "Security sign-off can be given only while the change is submitted; it is draft",
    },
  },
  {
    name: "PSSR before implementation",
    actor: actor("u-s", [[REF.siteId, "safety"]]),
    role: "pssr",
    expected: {
      ok: false,
      code: "wrong_state",
      reason:
        "PSSR sign-off can be given only while the change is implemented or PSSR pending; it is submitted",
    },
  },
  {
    name: "emergency pre-start role after approval",
    change: { class: "emergency", state: "in_progress" },
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "security",
    expected: {
      ok: false,
      code: "wrong_state",
      reason: "Security sign-off can be given only while the change is submitted; it is in progress",
    },
  },
  {
    name: "emergency retrospective role after closing",
    change: { class: "emergency", state: "closed" },
    actor: actor("u-cm", [[REF.siteId, "change_manager"]]),
    role: "change_board",
    expected: {
      ok: false,
      code: "wrong_state",
      reason:
        "Change board sign-off can be given only while the change is submitted, approved, in progress, implemented, PSSR pending, failed or rolled back; it is closed",
    },
  },
  {
    name: "operations approver of another site of the change",
    actor: actor("u-ops", [[REF.siteId, "operations"]]),
    role: "operations",
    siteId: CHM.siteId,
    expected: { ok: false, code: "no_role", reason: "You are not an operations approver at Chemicals" },
  },
  {
    name: "safety approver at an unrelated site",
    actor: actor("u-s", [["site-x", "safety"]]),
    role: "safety",
    expected: {
      ok: false,
      code: "no_role",
      reason: "You are not a safety approver at Chemicals or Refinery",
    },
  },
  {
    name: "security approver cannot sign for the change board",
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "change_board",
    expected: { ok: false, code: "no_role", reason: "You are not a change manager at Chemicals or Refinery" },
  },
  {
    name: "admin flag grants nothing",
    actor: actor("u-admin", [], true),
    role: "security",
    expected: {
      ok: false,
      code: "no_role",
      reason:
        "You are not a security approver at Chemicals or Refinery; administrator rights do not grant signing rights",
    },
  },
  {
    name: "quality approver at the site without the GxP asset",
    change: { assets: [PLC, GXP] },
    actor: actor("u-q", [[REF.siteId, "quality"]]),
    role: "quality",
    expected: { ok: false, code: "no_role", reason: "You are not a quality approver at Chemicals" },
  },
  {
    name: "second sign-off under another role",
    signoffs: [signoff("operations", { signerId: "u-multi" })],
    actor: actor("u-multi", [
      [REF.siteId, "operations"],
      [REF.siteId, "security"],
    ]),
    role: "security",
    expected: {
      ok: false,
      code: "already_signed",
      reason:
        "You have already signed this change (Operations); one person gives at most one sign-off per change",
    },
  },
  {
    name: "operations of a second site by the same person",
    signoffs: [signoff("operations", { signerId: "u-ops", siteId: REF.siteId })],
    actor: actor("u-ops", [
      [REF.siteId, "operations"],
      [CHM.siteId, "operations"],
    ]),
    role: "operations",
    expected: {
      ok: false,
      code: "already_signed",
      reason:
        "You have already signed this change (Operations); one person gives at most one sign-off per change",
    },
  },
  {
    name: "PSSR by someone who signed as operations",
    change: { state: "implemented" },
    signoffs: [signoff("operations", { signerId: "u-x" })],
    actor: actor("u-x", [
      [REF.siteId, "safety"],
      [REF.siteId, "operations"],
    ]),
    role: "pssr",
    expected: {
      ok: false,
      code: "already_signed",
      reason:
        "You have already signed this change (Operations); one person gives at most one sign-off per change",
    },
  },
  {
    name: "security already given by someone else",
    signoffs: [signoff("security", { signerId: "u-other" })],
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "security",
    expected: { ok: false, code: "already_satisfied", reason: "Security sign-off has already been given" },
  },
  {
    name: "operations of the actor's only site already given",
    signoffs: [signoff("operations", { signerId: "u-other", siteId: REF.siteId })],
    actor: actor("u-ops", [[REF.siteId, "operations"]]),
    role: "operations",
    expected: {
      ok: false,
      code: "already_satisfied",
      reason: "Operations sign-off for Refinery has already been given",
    },
  },
];

const allowed: Case[] = [
  {
    name: "operations at the actor's site",
    actor: actor("u-ops", [[REF.siteId, "operations"]]),
    role: "operations",
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "operations picks the site still open",
    signoffs: [signoff("operations", { signerId: "u-other", siteId: CHM.siteId })],
    actor: actor("u-ops", [
      [REF.siteId, "operations"],
      [CHM.siteId, "operations"],
    ]),
    role: "operations",
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "security from any site of the change",
    actor: actor("u-sec", [[CHM.siteId, "security"]]),
    role: "security",
    expected: { ok: true, siteId: CHM.siteId },
  },
  {
    name: "explicit site honoured",
    actor: actor("u-sec", [
      [CHM.siteId, "security"],
      [REF.siteId, "security"],
    ]),
    role: "security",
    siteId: REF.siteId,
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "change manager for the change board",
    actor: actor("u-cm", [[REF.siteId, "change_manager"]]),
    role: "change_board",
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "own superseded sign-off does not block",
    signoffs: [signoff("security", { signerId: "u-sec", superseded: true })],
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "security",
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "own sign-off of an earlier round does not block",
    change: { approvalRound: 2 },
    signoffs: [signoff("security", { signerId: "u-sec", round: 1 })],
    actor: actor("u-sec", [[REF.siteId, "security"]]),
    role: "security",
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "emergency change board after the start",
    change: { class: "emergency", state: "in_progress" },
    actor: actor("u-cm", [[CHM.siteId, "change_manager"]]),
    role: "change_board",
    expected: { ok: true, siteId: CHM.siteId },
  },
  {
    name: "PSSR by the safety approver who signed safety",
    change: { state: "pssr_pending" },
    signoffs: [signoff("safety", { signerId: "u-s" })],
    actor: actor("u-s", [[REF.siteId, "safety"]]),
    role: "pssr",
    expected: { ok: true, siteId: REF.siteId },
  },
  {
    name: "quality at the GxP site",
    change: { assets: [PLC, GXP] },
    actor: actor("u-q", [[CHM.siteId, "quality"]]),
    role: "quality",
    expected: { ok: true, siteId: CHM.siteId },
  },
];

describe("canSign: refusals", () => {
  it.each(refusals.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c)).toEqual(c.expected);
  });

  it("covers every refusal code", () => {
    const codes = new Set(refusals.map((c) => (c.expected.ok ? "ok" : c.expected.code)));
    expect([...codes].sort()).toEqual(
      [
        "already_satisfied",
        "already_signed",
        "editor",
        "no_role",
        "not_required",
        "requester",
        "signer_is_implementer",
        "wrong_state",
      ].sort(),
    );
  });
});

describe("canSign: allowed", () => {
  it.each(allowed.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(run(c)).toEqual(c.expected);
  });

  it("computes the required list itself when none is given", () => {
    expect(canSign(base, [], actor("u-s", [[REF.siteId, "safety"]]), "safety")).toEqual({
      ok: true,
      siteId: REF.siteId,
    });
    // Without the caller's risk, the board requirement (high risk) is unknown here.
    expect(canSign(base, [], actor("u-cm", [[REF.siteId, "change_manager"]]), "change_board")).toMatchObject({
      ok: false,
      code: "not_required",
    });
    expect(
      canSign(base, [], actor("u-cm", [[REF.siteId, "change_manager"]]), "change_board", null, required),
    ).toEqual({
      ok: true,
      siteId: REF.siteId,
    });
  });
});
