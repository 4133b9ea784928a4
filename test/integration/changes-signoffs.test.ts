import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, signoffs, users } from "@/db/schema";
import { createAsset } from "@/lib/services/assets/create";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { signChange } from "@/lib/services/changes/sign";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { PASSWORD, makeUser } from "../fixtures";
import { HOUR, changeWorld, codeOf, draft, errorOf, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

async function submitted(
  assetIds: string[],
  overrides: Parameters<typeof draft>[2] = {},
  requester = w.people.requester,
) {
  const c = await createChange(requester.actor, draft(w, assetIds, overrides));
  return submitChange(requester.actor, c.id);
}

describe("separation of duties", () => {
  it("refuses the requester signing their own change", async () => {
    const self = w.people.onlyA; // requester and security approver at PLA
    const c = await submitted([w.assets.plc.id], { implementerEmail: self.email }, self);
    const e = await errorOf(sign(self.actor, c.id, "security"));
    expect(e).toMatchObject({ code: "forbidden", details: { refusal: "requester" } });
    expect(e.message).toMatch(/never signs their own change/);
  });

  it("refuses one person signing twice under two roles", async () => {
    const c = await submitted([w.assets.plc.id]);
    await sign(w.people.opsAndSecurity.actor, c.id, "operations");
    const e = await errorOf(sign(w.people.opsAndSecurity.actor, c.id, "security"));
    expect(e).toMatchObject({ code: "forbidden", details: { refusal: "already_signed" } });
  });

  it("refuses a signer without the role at the change's site", async () => {
    const elsewhere = await makeUser(["PLA:operations", "PLB:security"]);
    const c = await submitted([w.assets.plc.id]);
    const e = await errorOf(sign(elsewhere.actor, c.id, "security"));
    expect(e).toMatchObject({ code: "forbidden", details: { refusal: "no_role" } });
    // Operations of another site cannot sign for this one either.
    const plb = await errorOf(sign(w.people.opsB.actor, c.id, "operations"));
    expect(plb.code).toBe("not_found");
  });

  it("refuses an administrator without signing roles, visible change or not", async () => {
    const c = await submitted([w.assets.plc.id]);
    expect(await codeOf(sign(w.people.admin.actor, c.id, "security"))).toBe("not_found");
    const adminAuditor = await makeUser(["PLA:auditor"], { isAdmin: true });
    const e = await errorOf(sign(adminAuditor.actor, c.id, "security"));
    expect(e).toMatchObject({ code: "forbidden", details: { refusal: "no_role" } });
    expect(e.message).toMatch(/administrator rights do not grant signing rights/);
    const rows = await db.select().from(signoffs).where(eq(signoffs.changeId, c.id));
    expect(rows).toHaveLength(0);
  });
});

describe("electronic signature", () => {
  it("refuses a wrong password, counts it toward lockout and locks the account after 5", async () => {
    const signer = await makeUser(["PLA:security"]);
    const c = await submitted([w.assets.plc.id]);
    const contentHash = c.contentHash;
    const wrong = () =>
      signChange(signer.actor, c.id, {
        role: "security",
        decision: "approve",
        password: "not the password",
        contentHash,
      });
    for (let i = 1; i <= 4; i++) {
      const e = await errorOf(wrong());
      expect(e).toMatchObject({ code: "invalid", details: { errors: [{ path: "password" }] } });
      const [u] = await db.select().from(users).where(eq(users.id, signer.id));
      expect(u!.failedLoginCount).toBe(i);
    }
    expect(await codeOf(wrong())).toBe("rate_limited");
    const [u] = await db.select().from(users).where(eq(users.id, signer.id));
    expect(u!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Locked: even the right password is refused now.
    expect(
      await codeOf(
        signChange(signer.actor, c.id, {
          role: "security",
          decision: "approve",
          password: PASSWORD,
          contentHash,
        }),
      ),
    ).toBe("rate_limited");
    expect(await db.select().from(signoffs).where(eq(signoffs.changeId, c.id))).toHaveLength(0);
    const failures = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.login_failed"), eq(auditEvents.actorId, signer.id)));
    expect(failures).toHaveLength(5);
    expect(failures[0]!.reason).toMatch(/Electronic signature/);
  });
});

describe("superseding on edit", () => {
  it("a scope edit after approval supersedes every sign-off and the gate then refuses with signoff_superseded", async () => {
    const { requester, opsA, securityA, implementer } = w.people;
    const c = await submitted([w.assets.plc.id]);
    await sign(opsA.actor, c.id, "operations");
    const approved = await sign(securityA.actor, c.id, "security");
    expect(approved.state).toBe("approved");
    expect((await evaluateGateFor(implementer.actor, c.id)).allowed).toBe(true);

    const edited = await updateChange(
      requester.actor,
      c.id,
      { backoutPlan: "Restore the previous image and reboot." },
      approved.version,
    );
    expect(edited.state).toBe("submitted");
    expect(edited.signoffs.map((s) => s.superseded)).toEqual([true, true]);
    expect(edited.signoffs[0]!.supersededReason).toMatch(/\(backout plan\)/);
    expect(edited.requiredSignoffs.every((r) => !r.satisfied)).toBe(true);

    const gate = await evaluateGateFor(implementer.actor, c.id);
    expect(gate.allowed).toBe(false);
    expect(gate.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(["signoff_superseded", "not_approved"]),
    );
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "signoff.supersede"), eq(auditEvents.objectId, c.id)));
    expect(events).toHaveLength(2);
    const update = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "change.update"), eq(auditEvents.objectId, c.id)));
    expect(update[0]).toMatchObject({
      before: { backoutPlan: "Flash the previous firmware image.", state: "approved" },
      after: { backoutPlan: "Restore the previous image and reboot.", state: "submitted" },
    });

    // Fresh signatures on the new content approve it again.
    await sign(opsA.actor, c.id, "operations");
    const again = await sign(securityA.actor, c.id, "security");
    expect(again.state).toBe("approved");
    expect(
      again.signoffs.filter((s) => !s.superseded).every((s) => s.contentHash === again.contentHash),
    ).toBe(true);
    expect(again.contentHash).not.toBe(approved.contentHash);
  });

  it("moving the planned slot supersedes only operations and change board", async () => {
    const { requester, opsA, securityA, boardA } = w.people;
    const prod = await createAsset(requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "DCS-500",
      name: "Crude unit DCS",
      kind: "dcs_controller",
      criticality: "production_critical",
    });
    const c = await submitted([prod.id], {
      productionImpact: "outage",
      expectedDowntimeMinutes: 300,
      vendorQualified: false,
    });
    expect(c.risk).toBe("high");
    expect(c.requiredSignoffs.map((r) => r.role)).toEqual(["operations", "security", "change_board"]);
    await sign(opsA.actor, c.id, "operations");
    // Not vendor-qualified: security approves by acknowledging it (changes-supply-chain.test.ts).
    await sign(securityA.actor, c.id, "security", { acknowledged: ["vendor_not_qualified"] });
    const approved = await sign(boardA.actor, c.id, "change_board");
    expect(approved.state).toBe("approved");

    const later = new Date(Date.parse(approved.plannedEnd!) + HOUR).toISOString();
    const moved = await updateChange(requester.actor, c.id, { plannedEnd: later }, approved.version);
    const byRole = Object.fromEntries(moved.signoffs.map((s) => [s.role, s.superseded]));
    expect(byRole).toEqual({ operations: true, security: false, change_board: true });
    expect(moved.state).toBe("submitted");
    await sign(opsA.actor, c.id, "operations");
    expect((await sign(boardA.actor, c.id, "change_board")).state).toBe("approved");
  });

  // Test notes are approved content since issue 8 (signoff-content.test.ts); the implementer is not.
  it("an edit that changes nothing approved (the implementer) supersedes nothing and keeps the approval", async () => {
    const { requester, opsA, securityA } = w.people;
    const c = await submitted([w.assets.plc.id]);
    await sign(opsA.actor, c.id, "operations");
    const approved = await sign(securityA.actor, c.id, "security");
    const edited = await updateChange(
      requester.actor,
      c.id,
      { implementerEmail: requester.email },
      approved.version,
    );
    expect(edited).toMatchObject({
      state: "approved",
      version: approved.version + 1,
      implementerEmail: requester.email,
    });
    expect(edited.signoffs.every((s) => !s.superseded)).toBe(true);
    expect((await getChange(requester.actor, c.id)).contentHash).toBe(approved.contentHash);
  });
});
