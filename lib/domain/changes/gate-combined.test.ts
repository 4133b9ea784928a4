import { describe, it, expect } from "vitest";
import { evaluateGate } from "./gate";
import { computeRisk } from "./risk";
import type { SignoffFacts } from "./types";
import { CHM, CHM_PLC, CONTENT, GXP, PLC, REF, SIS, actor, change, risk, signoff } from "./test-fixtures";

// Same baseline as gate.test.ts: approved, medium risk (SIS), operations@REF + security + safety.
const approved = change({
  state: "approved",
  assets: [PLC, SIS],
  approvedAt: new Date("2027-03-12T10:00:00Z"),
});
const signed = (): SignoffFacts[] => [
  signoff("operations", { siteId: REF.siteId }),
  signoff("security"),
  signoff("safety"),
];
const IN_SLOT = new Date("2027-03-14T09:00:00Z");
const implementer = actor("u-impl");
const noSchedule = { content: CONTENT, otherChangesInProgress: [], scheduleConflicts: [] };

describe("evaluateGate: policy details", () => {
  it("lets an emergency change start without its retrospective sign-offs", () => {
    const em = change({ ...approved, class: "emergency", assets: [PLC, SIS, GXP] });
    const d = evaluateGate(
      em,
      [...signed(), signoff("operations", { siteId: CHM.siteId, signerId: "u-ops-chm" })],
      { risk: risk("high", 7), ...noSchedule },
      IN_SLOT,
      implementer,
    );
    expect(d).toEqual({ allowed: true, reasons: [], warnings: [], evaluatedAt: IN_SLOT });
  });

  it("still stops an emergency change on a retrospective rejection", () => {
    const em = change({ ...approved, class: "emergency" });
    const d = evaluateGate(
      em,
      [
        ...signed(),
        signoff("change_board", {
          decision: "reject",
          signerId: "u-cm",
          signedAt: new Date("2027-03-13T00:00:00Z"),
        }),
      ],
      { risk: risk("high", 7), ...noSchedule },
      IN_SLOT,
      implementer,
    );
    expect(d.reasons.map((r) => r.code)).toEqual(["signoff_rejected"]);
  });

  it("uses the caller's required list when given, and names every site for site-less roles", () => {
    const multi = change({ ...approved, assets: [PLC, CHM_PLC] });
    const d = evaluateGate(multi, [], { risk: risk("high", 6), ...noSchedule }, IN_SLOT, implementer);
    expect(d.reasons.map((r) => r.message)).toEqual([
      "Operations sign-off missing: no operations approver of Chemicals has signed",
      "Operations sign-off missing: no operations approver of Refinery has signed",
      "Security sign-off missing: no security approver of Chemicals or Refinery has signed",
      "Change board sign-off missing: no change manager of Chemicals or Refinery has signed",
    ]);
    const onlySecurity = evaluateGate(
      multi,
      [],
      {
        risk: risk("high", 6),
        required: [
          { role: "security", siteId: null, siteCode: null, reason: "", retrospectiveAllowed: false },
        ],
        content: CONTENT,
        otherChangesInProgress: [],
        scheduleConflicts: [],
      },
      IN_SLOT,
      implementer,
    );
    expect(onlySecurity.reasons.map((r) => r.code)).toEqual(["signoff_missing"]);
  });

  it("ignores earlier-round sign-offs", () => {
    const next = { ...approved, approvalRound: 2 };
    const d = evaluateGate(next, signed(), { risk: computeRisk(next), ...noSchedule }, IN_SLOT, implementer);
    expect(d.reasons.map((r) => r.code)).toEqual(["signoff_missing", "signoff_missing", "signoff_missing"]);
  });
});

describe("evaluateGate: every check at once", () => {
  it("reports all reasons in a stable order", () => {
    const ch = { ...approved, state: "submitted" as const, implementerId: "u-someone" };
    const d = evaluateGate(
      ch,
      [
        signoff("security", { decision: "reject", signedAt: new Date("2027-03-11T15:00:00Z") }),
        signoff("safety", { superseded: true }),
      ],
      {
        risk: computeRisk(ch),
        content: CONTENT,
        otherChangesInProgress: [{ changeId: "chg-41", number: "CHG-2027-00041", assetIds: ["a-plc101"] }],
        scheduleConflicts: [{ code: "blackout_active", message: "Blackout: turnaround freeze" }],
      },
      new Date("2027-03-15T00:00:00Z"),
      actor("u-admin", [], true),
    );
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => [r.code, r.message])).toEqual([
      ["not_approved", "The change is not approved yet: sign-offs are still awaited"],
      [
        "signoff_rejected",
        "Security sign-off rejected on 2027-03-11T15:00:00Z; the change must be revised and resubmitted",
      ],
      ["signoff_missing", "Operations sign-off missing: no operations approver of Refinery has signed"],
      ["signoff_superseded", "Safety sign-off superseded by an edit; a new sign-off is needed"],
      [
        "outside_slot",
        "Too late: the planned slot 2027-03-14T08:00:00Z to 2027-03-14T12:00:00Z (UTC) is over",
      ],
      ["not_implementer", "Only the assigned implementer or a requester at Refinery may start this change"],
      ["asset_busy", "Asset PLC-101 is busy: CHG-2027-00041 is in progress on it"],
      ["blackout_active", "Blackout: turnaround freeze"],
    ]);
  });
});

describe("evaluateGate: what a sign-off proves", () => {
  it("refuses a sign-off whose recorded hash does not cover the content now, bookkeeping notwithstanding", () => {
    const forged = signoff("security", {
      signerName: "Sam Security",
      contentHash: "f".repeat(64),
      scopeHash: "f".repeat(64),
    });
    const list = [signoff("operations", { siteId: REF.siteId }), forged, signoff("safety")];
    const d = evaluateGate(
      approved,
      list,
      { risk: computeRisk(approved), ...noSchedule },
      IN_SLOT,
      implementer,
    );
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([
      {
        code: "signoff_content_mismatch",
        message:
          "Security sign-off by Sam Security does not cover the current content (its recorded content hash differs); a new sign-off is needed",
        data: { role: "security", siteCode: null, signoffId: forged.id },
      },
    ]);
  });

  it("keeps a scope role's sign-off after a slot move but not operations'", () => {
    const moved = { ...CONTENT, plannedStart: new Date("2027-03-14T07:00:00Z") };
    const d = evaluateGate(
      approved,
      signed(),
      { risk: computeRisk(approved), ...noSchedule, content: moved },
      IN_SLOT,
      implementer,
    );
    expect(d.reasons.map((r) => [r.code, r.data?.role])).toEqual([
      ["signoff_content_mismatch", "operations"],
    ]);
  });

  it("refuses a start by someone who signed the current round (signer_is_implementer)", () => {
    const list = [...signed(), signoff("quality", { signerId: "u-impl", superseded: true })];
    const d = evaluateGate(
      approved,
      list,
      { risk: computeRisk(approved), ...noSchedule },
      IN_SLOT,
      implementer,
    );
    expect(d.reasons.map((r) => r.code)).toEqual(["signer_is_implementer"]);
    expect(d.reasons[0]!.message).toMatch(/gives none of its sign-offs/);
    const earlier = [...signed(), signoff("quality", { signerId: "u-impl", round: 0 })];
    expect(
      evaluateGate(approved, earlier, { risk: computeRisk(approved), ...noSchedule }, IN_SLOT, implementer)
        .allowed,
    ).toBe(true);
  });

  it("drops a scope editor's sign-off like a requester's", () => {
    const ch = { ...approved, scopeEditorIds: ["u-security"] };
    const d = evaluateGate(ch, signed(), { risk: computeRisk(ch), ...noSchedule }, IN_SLOT, implementer);
    expect(d.reasons.map((r) => [r.code, r.data?.role])).toEqual([["signoff_missing", "security"]]);
  });
});
