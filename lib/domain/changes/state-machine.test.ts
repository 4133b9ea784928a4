import { describe, it, expect } from "vitest";
import type { ChangeState } from "../constants";
import { CHANGE_STATES } from "../constants";
import {
  CHANGE_ACTIONS,
  OPEN_STATES,
  TRANSITIONS,
  approvalOutcome,
  availableActions,
  canTransition,
  completionAction,
  submitReadiness,
  type ChangeAction,
  type SubmitDraft,
} from "./state-machine";
import type { SignoffEvaluation } from "./evaluation";
import { signoff } from "./test-fixtures";

const allowed: [ChangeState, ChangeAction, ChangeState, boolean][] = [
  ["draft", "submit", "submitted", false],
  ["draft", "cancel", "cancelled", false],
  ["submitted", "approve", "approved", false],
  ["submitted", "reject", "rejected", false],
  ["submitted", "cancel", "cancelled", false],
  ["rejected", "revise", "draft", true],
  ["approved", "revise", "draft", false],
  ["approved", "cancel", "cancelled", false],
  ["approved", "start", "in_progress", false],
  ["in_progress", "complete", "implemented", false],
  ["in_progress", "fail", "failed", false],
  ["in_progress", "roll_back", "rolled_back", false],
  ["implemented", "request_pssr", "pssr_pending", false],
  ["implemented", "close", "closed", false],
  ["pssr_pending", "close", "closed", false],
];

describe("canTransition: allowed", () => {
  it.each(allowed)("%s --%s--> %s (new round: %s)", (from, action, to, newRound) => {
    expect(canTransition(from, action)).toEqual({ ok: true, to, newRound });
  });

  it("TRANSITIONS holds exactly these", () => {
    expect(TRANSITIONS.map((t) => [t.from, t.action, t.to, t.newRound])).toEqual(allowed);
  });
});

describe("canTransition: every other state × action is refused", () => {
  const isAllowed = (s: ChangeState, a: ChangeAction) => allowed.some(([f, act]) => f === s && act === a);
  const refused = CHANGE_STATES.flatMap((s) =>
    CHANGE_ACTIONS.filter((a) => !isAllowed(s, a)).map((a) => [s, a] as const),
  );

  it("sweeps all 11 × 11 pairs", () => {
    expect(refused.length + allowed.length).toBe(CHANGE_STATES.length * CHANGE_ACTIONS.length);
    expect(refused.length).toBe(106);
  });

  it.each(refused)("%s --%s--> refused", (from, action) => {
    expect(canTransition(from, action)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^This change cannot .+ now: .+\.$/),
    });
  });

  it.each<[ChangeState, ChangeAction, string]>([
    ["closed", "cancel", "This change cannot be cancelled now: it is closed."],
    [
      "in_progress",
      "cancel",
      "This change cannot be cancelled now: its implementation is under way; the implementer records the outcome.",
    ],
    [
      "draft",
      "start",
      "This change cannot start now: it is a draft; the requester submits it for approval first.",
    ],
    ["submitted", "start", "This change cannot start now: it is waiting for its sign-offs."],
    ["submitted", "revise", "This change cannot be revised now: it is waiting for its sign-offs."],
    [
      "approved",
      "fail",
      "This change cannot be recorded as failed now: it is approved and waiting for the implementer to start it.",
    ],
    [
      "pssr_pending",
      "request_pssr",
      "This change cannot go to its safety review now: it is waiting for its pre-startup safety review (PSSR).",
    ],
  ])("%s --%s--> says why", (from, action, reason) => {
    expect(canTransition(from, action)).toEqual({ ok: false, reason });
  });
});

describe("canTransition: PSSR guards", () => {
  it.each<[ChangeState, ChangeAction, boolean, boolean]>([
    ["implemented", "close", true, false],
    ["implemented", "close", false, true],
    ["implemented", "request_pssr", true, true],
    ["implemented", "request_pssr", false, false],
    ["pssr_pending", "close", true, true],
  ])("%s --%s--> with pssrRequired=%s → ok %s", (from, action, pssrRequired, ok) => {
    expect(canTransition(from, action, { pssrRequired }).ok).toBe(ok);
  });

  it("explains the refusals", () => {
    expect(canTransition("implemented", "close", { pssrRequired: true })).toEqual({
      ok: false,
      reason: "A pre-startup safety review (PSSR) is required before closing",
    });
    expect(canTransition("implemented", "request_pssr", { pssrRequired: false })).toEqual({
      ok: false,
      reason: "No PSSR is required for this change; close it directly",
    });
  });
});

describe("availableActions", () => {
  it.each<[ChangeState, boolean | undefined, ChangeAction[]]>([
    ["draft", undefined, ["submit", "cancel"]],
    ["submitted", undefined, ["cancel"]],
    ["approved", undefined, ["cancel", "revise", "start"]],
    ["rejected", undefined, ["revise"]],
    ["in_progress", undefined, ["complete", "fail", "roll_back"]],
    ["implemented", undefined, ["request_pssr", "close"]],
    ["implemented", true, ["request_pssr"]],
    ["implemented", false, ["close"]],
    ["pssr_pending", undefined, ["close"]],
    ["closed", undefined, []],
    ["cancelled", undefined, []],
    ["failed", undefined, []],
    ["rolled_back", undefined, []],
  ])("%s (pssrRequired %s)", (state, pssrRequired, expected) => {
    expect(availableActions(state, pssrRequired === undefined ? {} : { pssrRequired })).toEqual(expected);
  });
});

describe("completionAction", () => {
  it.each([
    ["success", "complete"],
    ["failed", "fail"],
    ["rolled_back", "roll_back"],
  ] as const)("%s → %s", (outcome, action) => {
    expect(completionAction(outcome)).toBe(action);
  });
});

describe("approvalOutcome", () => {
  const ev = (rejected: number, all: boolean): SignoffEvaluation => ({
    satisfied: [],
    missing: [],
    rejected: Array.from({ length: rejected }, () => signoff("security", { decision: "reject" })),
    superseded: [],
    allPreStartSatisfied: all,
    overdueRetrospective: [],
  });
  it.each<[number, boolean, string]>([
    [0, true, "approved"],
    [0, false, "pending"],
    [1, false, "rejected"],
    [1, true, "rejected"],
  ])("%i rejections, all satisfied %s → %s", (rejected, all, expected) => {
    expect(approvalOutcome(ev(rejected, all))).toBe(expected);
  });
});

describe("submitReadiness", () => {
  const ready: SubmitDraft = {
    title: "Patch HMI-1",
    description: "Apply vendor hotfix",
    justification: "CVE-2027-0001",
    assetIds: ["a1"],
    implementationPlan: "Install hotfix",
    backoutPlan: "Uninstall hotfix",
    plannedStart: new Date("2027-03-14T08:00:00Z"),
    plannedEnd: new Date("2027-03-14T09:00:00Z"),
    implementerId: "u-impl",
    type: "security_patch",
    class: "normal",
  };

  it("accepts a complete draft", () => {
    expect(submitReadiness(ready)).toEqual([]);
    expect(submitReadiness(ready, new Date("2027-03-14T08:30:00Z"))).toEqual([]);
  });

  it.each<[string, Partial<SubmitDraft>, { field: string; message: string }[]]>([
    ["title blank", { title: "  " }, [{ field: "title", message: "A title is required" }]],
    [
      "description missing",
      { description: null },
      [{ field: "description", message: "A description is required" }],
    ],
    [
      "justification missing",
      { justification: undefined },
      [{ field: "justification", message: "A justification / technical basis is required" }],
    ],
    ["type unknown", { type: "wizardry" }, [{ field: "type", message: "A change type is required" }]],
    ["class missing", { class: null }, [{ field: "class", message: "A change class is required" }]],
    [
      "no assets",
      { assetIds: [] },
      [{ field: "assetIds", message: "At least one affected asset is required" }],
    ],
    [
      "no implementation plan",
      { implementationPlan: "" },
      [{ field: "implementationPlan", message: "An implementation plan is required" }],
    ],
    [
      "no backout plan",
      { backoutPlan: null },
      [{ field: "backoutPlan", message: "A backout plan is required" }],
    ],
    ["no start", { plannedStart: null }, [{ field: "plannedStart", message: "A planned start is required" }]],
    ["no end", { plannedEnd: null }, [{ field: "plannedEnd", message: "A planned end is required" }]],
    [
      "invalid start",
      { plannedStart: new Date("nope") },
      [{ field: "plannedStart", message: "A planned start is required" }],
    ],
    [
      "end equals start",
      { plannedEnd: new Date("2027-03-14T08:00:00Z") },
      [{ field: "plannedEnd", message: "The planned end must be after the planned start" }],
    ],
    [
      "end before start",
      { plannedEnd: new Date("2027-03-14T07:00:00Z") },
      [{ field: "plannedEnd", message: "The planned end must be after the planned start" }],
    ],
    [
      "no implementer",
      { implementerId: null },
      [{ field: "implementerId", message: "An implementer is required" }],
    ],
  ])("%s", (_name, patch, expected) => {
    expect(submitReadiness({ ...ready, ...patch })).toEqual(expected);
  });

  it("refuses a slot already over when now is given", () => {
    expect(submitReadiness(ready, new Date("2027-03-14T09:00:00Z"))).toEqual([
      { field: "plannedEnd", message: "The planned slot is already over" },
    ]);
  });

  it("lists every missing field of an empty draft", () => {
    expect(submitReadiness({}).map((i) => i.field)).toEqual([
      "title",
      "description",
      "justification",
      "type",
      "class",
      "assetIds",
      "implementationPlan",
      "backoutPlan",
      "plannedStart",
      "plannedEnd",
      "implementerId",
    ]);
  });
});

describe("OPEN_STATES (an asset page's open changes)", () => {
  it("holds every state a change can still leave, a rejected one included, and no final state", () => {
    expect([...OPEN_STATES].sort()).toEqual(
      ["approved", "draft", "implemented", "in_progress", "pssr_pending", "rejected", "submitted"].sort(),
    );
    for (const s of ["closed", "cancelled", "failed", "rolled_back"] as const)
      expect(OPEN_STATES).not.toContain(s);
  });
});
