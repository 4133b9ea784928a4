import { describe, it, expect } from "vitest";
import { evaluateGate, type GateContext, type ScheduleConflict } from "./gate";
import { computeRisk } from "./risk";
import type { ActorFacts, ChangeFacts, GateReason, SignoffFacts } from "./types";
import { CHM, CONTENT, PLC, REF, SIS, SLOT_END, SLOT_START, actor, change, signoff } from "./test-fixtures";

// Approved, medium risk (SIS): needs operations@REF, security and safety.
const approved = change({
  state: "approved",
  assets: [PLC, SIS],
  approvedAt: new Date("2027-03-12T10:00:00Z"),
});
const signed = (): SignoffFacts[] => [
  signoff("operations", { id: "so-ops", siteId: REF.siteId }),
  signoff("security", { id: "so-sec" }),
  signoff("safety", { id: "so-saf" }),
];
const IN_SLOT = new Date("2027-03-14T09:00:00Z");
const implementer = actor("u-impl");

function ctx(overrides: Partial<GateContext> = {}, ch: ChangeFacts = approved): GateContext {
  return {
    risk: computeRisk(ch),
    content: CONTENT,
    otherChangesInProgress: [],
    scheduleConflicts: [],
    ...overrides,
  };
}

interface Case {
  name: string;
  change?: Partial<ChangeFacts>;
  signoffs?: SignoffFacts[];
  context?: Partial<GateContext>;
  now?: Date;
  actor?: ActorFacts;
  reasons: GateReason[];
}

function run(c: Case) {
  const ch = { ...approved, ...c.change };
  return evaluateGate(
    ch,
    c.signoffs ?? signed(),
    ctx(c.context, ch),
    c.now ?? IN_SLOT,
    c.actor ?? implementer,
  );
}

const slotData = { slotStart: "2027-03-14T08:00:00Z", slotEnd: "2027-03-14T12:00:00Z" };

const cases: Case[] = [
  { name: "everything in order", reasons: [] },
  { name: "exactly at the planned start", now: SLOT_START, reasons: [] },
  {
    name: "a requester at the change's site may start it",
    actor: actor("u-tech", [[REF.siteId, "requester"]]),
    reasons: [],
  },
  {
    name: "no implementer, but a requester at the site",
    change: { implementerId: null },
    actor: actor("u-tech", [[REF.siteId, "requester"]]),
    reasons: [],
  },
  {
    name: "the permission table's outcome decides, not the role's name",
    actor: actor("u-op", [[REF.siteId, "operations"]], false, [REF.siteId]),
    reasons: [],
  },
  {
    name: "submitted: not approved",
    change: { state: "submitted" },
    reasons: [
      { code: "not_approved", message: "The change is not approved yet: sign-offs are still awaited" },
    ],
  },
  {
    name: "in progress: wrong state",
    change: { state: "in_progress" },
    reasons: [
      {
        code: "wrong_state",
        message: 'Only an approved change can start; this change is in state "In progress"',
        data: { state: "in_progress" },
      },
    ],
  },
  {
    name: "safety sign-off missing",
    signoffs: signed().filter((s) => s.role !== "safety"),
    reasons: [
      {
        code: "signoff_missing",
        message: "Safety sign-off missing: no safety approver of Refinery has signed",
        data: { role: "safety", siteCode: null },
      },
    ],
  },
  {
    name: "operations sign-off missing names the site",
    signoffs: signed().filter((s) => s.role !== "operations"),
    reasons: [
      {
        code: "signoff_missing",
        message: "Operations sign-off missing: no operations approver of Refinery has signed",
        data: { role: "operations", siteCode: "REF" },
      },
    ],
  },
  {
    name: "operations of the wrong site does not count",
    signoffs: [
      ...signed().filter((s) => s.role !== "operations"),
      signoff("operations", { siteId: CHM.siteId }),
    ],
    reasons: [
      {
        code: "signoff_missing",
        message: "Operations sign-off missing: no operations approver of Refinery has signed",
        data: { role: "operations", siteCode: "REF" },
      },
    ],
  },
  {
    name: "a sign-off by the requester never counts",
    signoffs: [...signed().filter((s) => s.role !== "security"), signoff("security", { signerId: "u-req" })],
    reasons: [
      {
        code: "signoff_missing",
        message: "Security sign-off missing: no security approver of Refinery has signed",
        data: { role: "security", siteCode: null },
      },
    ],
  },
  {
    name: "rejected sign-off",
    signoffs: [
      ...signed().filter((s) => s.role !== "security"),
      signoff("security", {
        id: "so-rej",
        decision: "reject",
        signerName: "Dana Reyes",
        signedAt: new Date("2027-03-11T15:00:00Z"),
      }),
    ],
    reasons: [
      {
        code: "signoff_rejected",
        message:
          "Security sign-off rejected by Dana Reyes on 2027-03-11T15:00:00Z; the change must be revised and resubmitted",
        data: { role: "security", signoffId: "so-rej", signedAt: "2027-03-11T15:00:00Z" },
      },
    ],
  },
  {
    name: "superseded sign-off",
    signoffs: [
      ...signed().filter((s) => s.role !== "security"),
      signoff("security", { superseded: true, supersededAt: new Date("2027-03-12T09:30:00Z") }),
    ],
    reasons: [
      {
        code: "signoff_superseded",
        message: "Security sign-off superseded by an edit on 2027-03-12T09:30:00Z; a new sign-off is needed",
        data: { role: "security", siteCode: null, supersededAt: "2027-03-12T09:30:00Z" },
      },
    ],
  },
  {
    name: "superseded operations sign-off names the site",
    signoffs: [
      ...signed().filter((s) => s.role !== "operations"),
      signoff("operations", { superseded: true }),
    ],
    reasons: [
      {
        code: "signoff_superseded",
        message: "Operations sign-off for Refinery superseded by an edit; a new sign-off is needed",
        data: { role: "operations", siteCode: "REF", supersededAt: null },
      },
    ],
  },
  {
    name: "too early",
    now: new Date("2027-03-14T07:59:59Z"),
    reasons: [
      {
        code: "outside_slot",
        message:
          "Too early: the planned slot 2027-03-14T08:00:00Z to 2027-03-14T12:00:00Z (UTC) has not started yet",
        data: { position: "before", ...slotData, at: "2027-03-14T07:59:59Z" },
      },
    ],
  },
  {
    name: "exactly at the planned end: too late",
    now: SLOT_END,
    reasons: [
      {
        code: "outside_slot",
        message: "Too late: the planned slot 2027-03-14T08:00:00Z to 2027-03-14T12:00:00Z (UTC) is over",
        data: { position: "after", ...slotData, at: "2027-03-14T12:00:00Z" },
      },
    ],
  },
  {
    name: "no planned slot",
    change: { plannedStart: null, plannedEnd: null },
    reasons: [
      {
        code: "outside_slot",
        message: "No planned slot: the change has no planned start and end",
        data: { position: "no_slot", slotStart: null, slotEnd: null, at: "2027-03-14T09:00:00Z" },
      },
    ],
  },
  {
    name: "someone else starts it",
    actor: actor("u-other", [[REF.siteId, "operations"]]),
    reasons: [
      {
        code: "not_implementer",
        message: "Only the assigned implementer or a requester at Refinery may start this change",
        data: { userId: "u-other" },
      },
    ],
  },
  {
    name: "a requester role without change.implement does not start it",
    actor: actor("u-tech", [[REF.siteId, "requester"]], false, []),
    reasons: [
      {
        code: "not_implementer",
        message: "Only the assigned implementer or a requester at Refinery may start this change",
        data: { userId: "u-tech" },
      },
    ],
  },
  {
    name: "admin rights do not make an implementer",
    actor: actor("u-admin", [], true),
    reasons: [
      {
        code: "not_implementer",
        message: "Only the assigned implementer or a requester at Refinery may start this change",
        data: { userId: "u-admin" },
      },
    ],
  },
  {
    name: "requester at another site",
    actor: actor("u-tech", [[CHM.siteId, "requester"]]),
    reasons: [
      {
        code: "not_implementer",
        message: "Only the assigned implementer or a requester at Refinery may start this change",
        data: { userId: "u-tech" },
      },
    ],
  },
  {
    name: "no implementer assigned",
    change: { implementerId: null },
    reasons: [
      {
        code: "not_implementer",
        message: "No implementer is assigned, and only a requester at Refinery may start this change",
        data: { userId: "u-impl" },
      },
    ],
  },
  {
    name: "asset busy with another change",
    context: {
      otherChangesInProgress: [
        { changeId: "chg-41", number: "CHG-2027-00041", assetIds: ["a-sis101", "a-other"] },
        { changeId: approved.id, number: "CHG-2027-00001", assetIds: ["a-plc101"] },
      ],
    },
    reasons: [
      {
        code: "asset_busy",
        message: "Asset SIS-101 is busy: CHG-2027-00041 is in progress on it",
        data: { assetId: "a-sis101", assetTag: "SIS-101", changeId: "chg-41", number: "CHG-2027-00041" },
      },
    ],
  },
];

describe("evaluateGate: each reason alone", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const d = run(c);
    expect(d.reasons).toEqual(c.reasons);
    expect(d.allowed).toBe(c.reasons.length === 0);
  });

  it("merges schedule conflicts as given", () => {
    const conflicts: ScheduleConflict[] = [
      { code: "outside_window", message: "Outside maintenance window (next window opens Sun 02:00 CST)" },
      { code: "blackout_active", message: "Blackout: Q1 campaign validation", data: { windowId: "w1" } },
      { code: "redundancy_lost", message: "PLC-201A and PLC-201B would both be under change" },
      { code: "production_conflict", message: "Overlaps critical run FCC-2027-03" },
      { code: "asset_busy", message: "HMI-3 is booked" },
    ];
    const d = run({ name: "", context: { scheduleConflicts: conflicts }, reasons: [] });
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual(conflicts);
  });

  it("returns now as evaluatedAt", () => {
    expect(run({ name: "", reasons: [] }).evaluatedAt.toISOString()).toBe("2027-03-14T09:00:00.000Z");
  });
});
