import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { assets, auditEvents, changes } from "@/db/schema";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { changeHistory } from "@/lib/services/changes/list-history";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { reviseChange } from "@/lib/services/changes/revise";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { listGateChecks } from "@/lib/services/gate-checks/list-gate-checks";
import { useTestDatabase } from "../db";
import {
  CHECKED_IMAGE,
  EMERGENCY_HIGH_RISK,
  HOUR,
  changeWorld,
  codeOf,
  draft,
  errorOf,
  sign,
  type World,
} from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

const roles = (v: { requiredSignoffs: { role: string; siteCode: string | null }[] }) =>
  v.requiredSignoffs.map((r) => `${r.role}${r.siteCode ? `@${r.siteCode}` : ""}`);

describe("change lifecycle", () => {
  it("runs draft → submitted → approved → in progress → implemented → PSSR pending → closed, updating the baseline", async () => {
    const { requester, opsA, securityA, safetyA, implementer } = w.people;
    const created = await createChange(requester.actor, draft(w, [w.assets.sis.id]));
    expect(created.number).toMatch(/^CHG-\d{4}-\d{5}$/);
    expect(created).toMatchObject({
      state: "draft",
      version: 1,
      risk: "medium",
      requesterEmail: requester.email,
      implementerEmail: implementer.email,
    });
    expect(roles(created)).toEqual(["operations@PLA", "security", "safety", "pssr"]);

    const submitted = await submitChange(requester.actor, created.id);
    expect(submitted.state).toBe("submitted");
    await sign(opsA.actor, created.id, "operations");
    await sign(securityA.actor, created.id, "security");
    const approved = await sign(safetyA.actor, created.id, "safety");
    expect(approved.state).toBe("approved");
    expect(approved.signoffs).toHaveLength(3);
    const safety = approved.signoffs.find((s) => s.role === "safety")!;
    expect(safety).toMatchObject({
      signerName: "Sofia Safety",
      meaning: "Approved as safety authority",
      contentHash: approved.contentHash,
      superseded: false,
    });

    const started = await startChange(implementer.actor, created.id);
    expect(started.state).toBe("in_progress");
    expect(started.actualStart).not.toBeNull();

    const implemented = await completeChange(implementer.actor, created.id, {
      outcome: "success",
      notes: "Flashed 11.3",
      integrity: CHECKED_IMAGE,
    });
    expect(implemented.state).toBe("pssr_pending");
    expect(
      await codeOf(
        closeChange(implementer.actor, created.id, { securityControlsVerified: true, baselineUpdated: true }),
      ),
    ).toBe("conflict");

    const pssr = await sign(safetyA.actor, created.id, "pssr");
    expect(pssr.requiredSignoffs.find((r) => r.role === "pssr")?.satisfied).toBe(true);
    const closed = await closeChange(implementer.actor, created.id, {
      securityControlsVerified: true,
      baselineUpdated: true,
      baselineUpdates: [{ assetId: w.assets.sis.id, version: "11.3" }],
      notes: "Verified firewall rules and firmware hash",
    });
    expect(closed).toMatchObject({ state: "closed", pirSecurityVerified: true, pirBaselineUpdated: true });
    const [asset] = await db.select().from(assets).where(eq(assets.id, w.assets.sis.id));
    expect(asset!.version).toBe("11.3");
    const assetEvents = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "asset.update"), eq(auditEvents.objectId, w.assets.sis.id)));
    expect(assetEvents.at(-1)).toMatchObject({ before: { version: "11.2" }, after: { version: "11.3" } });

    const history = await changeHistory(w.people.auditor.actor, created.id, { limit: 500 });
    expect(history.items.map((e) => e.action)).toEqual([
      "change.create",
      "change.submit",
      "signoff.sign",
      "signoff.sign",
      "signoff.sign",
      "change.approve",
      "gate.decision",
      "change.start",
      "change.complete",
      "change.pssr",
      "signoff.sign",
      "change.close",
    ]);
  });

  it("refuses the start before the slot, chains the start attempt with its reasons, and allows a dry run inside the slot (in the gate-check log)", async () => {
    const { requester, opsA, securityA, implementer } = w.people;
    const start = new Date(Date.now() + 2 * HOUR);
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.plc.id], {
        plannedStart: start.toISOString(),
        plannedEnd: new Date(start.getTime() + 2 * HOUR).toISOString(),
      }),
    );
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    const refused = await errorOf(startChange(implementer.actor, c.id));
    expect(refused.code).toBe("gate_refused");
    expect(refused.details.reasons?.map((r) => r.code)).toEqual(["outside_slot"]);
    expect((await getChange(implementer.actor, c.id)).state).toBe("approved");

    const inside = await evaluateGateFor(
      implementer.actor,
      c.id,
      new Date(start.getTime() + 60_000).toISOString(),
    );
    expect(inside).toMatchObject({ allowed: true, reasons: [] });
    const asAuditor = await evaluateGateFor(w.people.auditor.actor, c.id);
    expect(asAuditor.reasons.map((r) => r.code).sort()).toEqual(["not_implementer", "outside_slot"]);

    // The start attempt is in the chain; the two dry runs are in the gate-check log instead.
    const decisions = (await changeHistory(w.people.auditor.actor, c.id)).items.filter(
      (e) => e.action === "gate.decision",
    );
    expect(decisions.map((d) => d.after)).toEqual([
      expect.objectContaining({
        allowed: false,
        dryRun: false,
        reasons: [expect.objectContaining({ code: "outside_slot" })],
      }),
    ]);
    expect(decisions[0]!.reason).toMatch(/Gate refused .*outside_slot/);
    const checks = await listGateChecks(w.people.auditor.actor, { change: c.number });
    expect(checks.items.map((g) => [g.actorEmail, g.allowed, g.reasons.map((r) => r.code).sort()])).toEqual([
      [w.people.auditor.email, false, ["not_implementer", "outside_slot"]],
      [implementer.email, true, []],
    ]);
  });

  it("lets an emergency change start with operations, security and safety; change board is due within 72 h and flagged when overdue", async () => {
    const { requester, opsA, securityA, safetyA, boardA, implementer } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc2.id], EMERGENCY_HIGH_RISK));
    expect(c.risk).toBe("high");
    expect(c.requiredSignoffs.map((r) => [r.role, r.retrospective])).toEqual([
      ["operations", false],
      ["security", false],
      ["safety", false],
      ["change_board", true],
      ["pssr", false],
    ]);
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    // Not vendor-qualified: security approves by acknowledging it (changes-supply-chain.test.ts).
    await sign(securityA.actor, c.id, "security", { acknowledged: ["vendor_not_qualified"] });
    const approved = await sign(safetyA.actor, c.id, "safety");
    expect(approved.state).toBe("approved");
    const due = approved.requiredSignoffs.find((r) => r.role === "change_board")!;
    expect(due).toMatchObject({ satisfied: false, retrospective: true, overdue: false });
    expect(Date.parse(due.dueAt!) - Date.parse(approved.approvedAt!)).toBe(72 * HOUR);
    expect((await startChange(implementer.actor, c.id)).state).toBe("in_progress");

    const inbox = await approvalsInbox(boardA.actor);
    expect(inbox.find((i) => i.id === c.id)).toMatchObject({
      roles: [{ role: "change_board", retrospective: true }],
      overdue: false,
      dueAt: due.dueAt,
    });

    // 73 hours later, as far as the record is concerned.
    await db
      .update(changes)
      .set({ approvedAt: new Date(Date.now() - 73 * HOUR) })
      .where(eq(changes.id, c.id));
    const late = await getChange(boardA.actor, c.id);
    expect(late.overdueRetrospective).toEqual([
      { role: "change_board", siteCode: null, dueAt: expect.any(String) },
    ]);
    expect(late.requiredSignoffs.find((r) => r.role === "change_board")?.overdue).toBe(true);
    expect((await approvalsInbox(boardA.actor)).find((i) => i.id === c.id)?.overdue).toBe(true);
    const dash = await changeDashboard(boardA.actor);
    expect(dash.overdueRetrospective.map((o) => o.id)).toContain(c.id);
    expect(dash.sites.find((s) => s.siteCode === "PLA")!.counts.in_progress).toBeGreaterThanOrEqual(1);

    const signed = await sign(boardA.actor, c.id, "change_board");
    expect(signed.signoffs.find((s) => s.role === "change_board")?.retrospective).toBe(true);
    expect(signed.overdueRetrospective).toEqual([]);
  });

  it("a rejection stops the change; revise and resubmit starts a new round that needs every sign-off again", async () => {
    const { requester, opsA, securityA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    expect(await codeOf(sign(securityA.actor, c.id, "security", { decision: "reject" }))).toBe("invalid");
    const rejected = await sign(securityA.actor, c.id, "security", {
      decision: "reject",
      comment: "Backout plan untested",
    });
    expect(rejected.state).toBe("rejected");
    expect(rejected.signoffs.find((s) => s.decision === "reject")).toMatchObject({
      comment: "Backout plan untested",
      meaning: "Rejected as IT/OT security authority",
    });

    const revised = await reviseChange(requester.actor, c.id, { reason: "Tested the backout" });
    expect(revised).toMatchObject({ state: "draft", approvalRound: 2 });
    const resubmitted = await submitChange(requester.actor, c.id);
    expect(resubmitted.state).toBe("submitted");
    expect(resubmitted.requiredSignoffs.every((r) => !r.satisfied)).toBe(true);
    expect(resubmitted.signoffs.every((s) => !s.currentRound)).toBe(true);
    await sign(opsA.actor, c.id, "operations");
    const approved = await sign(securityA.actor, c.id, "security");
    expect(approved.state).toBe("approved");
    expect(approved.signoffs.filter((s) => s.round === 2)).toHaveLength(2);
  });

  it("records failed and rolled-back outcomes only with notes", async () => {
    const { requester, implementer } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plcB.id]));
    await submitChange(requester.actor, c.id);
    await sign(w.people.opsB.actor, c.id, "operations");
    await sign(w.people.securityB.actor, c.id, "security");
    await startChange(implementer.actor, c.id);
    expect(await codeOf(completeChange(implementer.actor, c.id, { outcome: "rolled_back" }))).toBe("invalid");
    const done = await completeChange(implementer.actor, c.id, {
      outcome: "rolled_back",
      notes: "Controller did not come back; restored image",
    });
    expect(done).toMatchObject({ state: "rolled_back", outcome: "rolled_back" });
    expect(
      await codeOf(
        closeChange(requester.actor, c.id, { securityControlsVerified: true, baselineUpdated: true }),
      ),
    ).toBe("conflict");
  });
});
