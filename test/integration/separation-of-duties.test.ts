// Issue 8 item 4: separation of duties without gaps.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { assets, auditEvents, roleGrants, users } from "@/db/schema";
import { cliActor } from "@/lib/auth/resolve";
import { createAsset } from "@/lib/services/assets/create";
import { updateAsset } from "@/lib/services/assets/update";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { grantRole } from "@/lib/services/users/grant-role";
import { resetPassword } from "@/lib/services/users/reset-password";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { approvedModel, catalogPeople } from "./catalog-helpers";
import { changeWorld, draft, errorOf, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

async function submitted(overrides: Parameters<typeof draft>[2] = {}, assetIds = [w.assets.plc.id]) {
  const c = await createChange(w.people.requester.actor, draft(w, assetIds, overrides));
  return submitChange(w.people.requester.actor, c.id);
}

describe("the implementer is not an approver", () => {
  it("the assigned implementer may not sign", async () => {
    // Requester at PLA and security approver there: assigned as implementer, then asked to sign.
    const both = await makeUser(["PLA:requester", "PLA:security"], { name: "Ina Both" });
    const c = await submitted({ implementerEmail: both.email });
    const e = await errorOf(sign(both.actor, c.id, "security"));
    expect(e).toMatchObject({ code: "forbidden", details: { refusal: "signer_is_implementer" } });
    expect(e.message).toMatch(/assigned implementer of this change/);
    const view = await getChange(both.actor, c.id);
    expect(view.availableActions.find((a) => a.action === "sign")?.reason).toMatch(/assigned implementer/);
  });

  it("someone who signed cannot be chosen as implementer", async () => {
    const both = await makeUser(["PLA:requester", "PLA:security"], { name: "Ivo Both" });
    const c = await submitted();
    const signed = await sign(both.actor, c.id, "security");
    const e = await errorOf(
      updateChange(w.people.requester.actor, c.id, { implementerEmail: both.email }, signed.version),
    );
    expect(e).toMatchObject({
      code: "invalid",
      details: { refusal: "signer_is_implementer", errors: [{ path: "implementerEmail" }] },
    });
    expect(e.message).toMatch(/^Ivo Both gave the Security sign-off on this change/);
    expect((await getChange(w.people.requester.actor, c.id)).implementerEmail).toBe(
      w.people.implementer.email,
    );
  });

  it("someone who signed may not start it, even as a requester at the site (signer_is_implementer)", async () => {
    const both = await makeUser(["PLA:requester", "PLA:operations"], { name: "Otis Both" });
    const c = await submitted();
    await sign(both.actor, c.id, "operations");
    const approved = await sign(w.people.securityA.actor, c.id, "security");
    expect(approved.state).toBe("approved");
    const gate = await evaluateGateFor(both.actor, c.id);
    expect(gate.reasons.map((r) => r.code)).toEqual(["signer_is_implementer"]);
    expect(gate.reasons[0]!.message).toMatch(/gives none of its sign-offs, so someone else must start it/);
    const e = await errorOf(startChange(both.actor, c.id));
    expect(e.code).toBe("gate_refused");
    expect((await getChange(both.actor, c.id)).state).toBe("approved");
    expect((await evaluateGateFor(w.people.implementer.actor, c.id)).allowed).toBe(true);
  });
});

describe("an editor is a requester", () => {
  it("whoever edits the scope after submission may not sign, and is told why", async () => {
    const editor = await makeUser(["PLA:requester", "PLA:security"], { name: "Eddie Editor" });
    const c = await submitted();
    const edited = await updateChange(
      editor.actor,
      c.id,
      { backoutPlan: "Restore the image, then reboot twice." },
      c.version,
    );
    const e = await errorOf(sign(editor.actor, c.id, "security"));
    expect(e).toMatchObject({ code: "forbidden", details: { refusal: "editor" } });
    expect(e.message).toMatch(/you count as one of its requesters/);
    const view = await getChange(editor.actor, c.id);
    expect(view.availableActions.find((a) => a.action === "sign")?.reason).toMatch(
      /You edited this change's scope after it was submitted/,
    );
    // Moving only the implementer does not make one a requester.
    const mover = await makeUser(["PLA:requester", "PLA:operations"], { name: "Mo Mover" });
    await updateChange(mover.actor, c.id, { implementerEmail: w.people.requester.email }, edited.version);
    expect((await sign(mover.actor, c.id, "operations")).signoffs).toHaveLength(1);
  });

  it("editing a draft that was never submitted does not make one a requester", async () => {
    // A new change starts in approval round 1; the round alone once counted every draft as submitted.
    const helper = await makeUser(["PLA:requester", "PLA:security"], { name: "Hana Helper" });
    const c = await createChange(w.people.requester.actor, draft(w, [w.assets.plc.id]));
    await updateChange(
      helper.actor,
      c.id,
      { backoutPlan: "Restore the image, then reboot twice." },
      c.version,
    );
    await submitChange(w.people.requester.actor, c.id);
    expect((await sign(helper.actor, c.id, "security")).signoffs).toHaveLength(1);
  });
});

describe("administrators cannot grant themselves signing rights", () => {
  it("refuses granting a role to oneself, resetting one's own password and re-enabling oneself; another admin or the CLI may", async () => {
    const admin = await makeUser([], { isAdmin: true, name: "Ada Admin" });
    const other = await makeUser([], { isAdmin: true, name: "Olaf Admin" });
    const grant = await errorOf(grantRole(admin.actor, admin.email, { siteCode: "PLA", role: "safety" }));
    expect(grant).toMatchObject({ code: "forbidden" });
    expect(grant.message).toMatch(/cannot grant a role to your own account/);
    expect(await db.select().from(roleGrants).where(eq(roleGrants.userId, admin.id))).toHaveLength(0);

    const reset = await errorOf(
      resetPassword(admin.actor, admin.email, { password: "a new long passphrase 1" }),
    );
    expect(reset.message).toMatch(/cannot reset your own password here/);

    const enable = await errorOf(setUserDisabled(admin.actor, admin.email, false));
    expect(enable.message).toMatch(/cannot re-enable your own account/);

    expect(await grantRole(other.actor, admin.email, { siteCode: "PLA", role: "safety" })).toEqual({
      granted: true,
    });
    expect(await grantRole(cliActor(), admin.email, { siteCode: "PLA", role: "auditor" })).toEqual({
      granted: true,
    });
    await setUserDisabled(other.actor, admin.email, true);
    await setUserDisabled(cliActor(), admin.email, false);
    const [u] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(u!.disabledAt).toBeNull();
  });
});

describe("asset facts that drive the policy", () => {
  it("editing a standard change's asset so it no longer qualifies re-evaluates it: normal class, normal sign-offs, audited", async () => {
    const hmi = await createAsset(w.people.requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "HMI-110",
      name: "Operator panel",
      kind: "hmi",
      criticality: "supporting",
    });
    const { versionId } = await approvedModel("PLA", await catalogPeople("PLA"));
    const c = await submitted(
      { class: "standard", type: "security_patch", standardModelVersionId: versionId },
      [hmi.id],
    );
    const approved = await sign(w.people.securityA.actor, c.id, "security");
    expect(approved.state).toBe("approved");
    expect(approved.requiredSignoffs.map((r) => r.role)).toEqual(["security"]);

    await updateAsset(w.people.requester.actor, hmi.id, {
      safetyRelated: true,
      criticality: "safety_critical",
    });

    const now = await getChange(w.people.requester.actor, c.id);
    expect(now).toMatchObject({ class: "normal", state: "submitted", standardModel: null });
    // The class is approved content: security judged a standard change and signs the normal one anew.
    expect(now.requiredSignoffs.filter((r) => !r.satisfied).map((r) => r.role)).toEqual([
      "operations",
      "security",
      "safety",
      "pssr",
    ]);
    expect(now.signoffs).toEqual([
      expect.objectContaining({
        role: "security",
        superseded: true,
        supersededReason:
          "Superseded: asset HMI-110 no longer fits the standard class, so the change is now normal",
      }),
    ]);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "change.reevaluate"), eq(auditEvents.objectId, c.id)));
    expect(event!.reason).toMatch(
      /^Asset HMI-110 edited \(criticality, safetyRelated\): the change was re-evaluated; it no longer fits the standard class/,
    );
    expect(event!.before).toMatchObject({
      class: "standard",
      state: "approved",
      requiredSignoffs: ["Security"],
    });
    expect(event!.after).toMatchObject({ class: "normal", state: "submitted" });

    const gate = await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(gate.allowed).toBe(false);
    expect(gate.reasons.map((r) => r.code)).toEqual([
      "not_approved",
      "signoff_missing",
      "signoff_superseded",
      "signoff_missing",
    ]);
    // A name edit is not a policy fact: no re-evaluation.
    await updateAsset(w.people.requester.actor, hmi.id, { name: "Operator panel 2" });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "change.reevaluate"), eq(auditEvents.objectId, c.id)));
    expect(events).toHaveLength(1);
  });

  it("required sign-offs are computed from the assets as they are at the gate", async () => {
    const plc = await createAsset(w.people.requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "PLC-120",
      name: "Dosing",
      kind: "plc",
      criticality: "supporting",
    });
    const c = await submitted({}, [plc.id]);
    await sign(w.people.opsA.actor, c.id, "operations");
    await sign(w.people.securityA.actor, c.id, "security");
    expect((await evaluateGateFor(w.people.implementer.actor, c.id)).allowed).toBe(true);
    // Written behind the services' back: the gate still reads the asset as it is now.
    await db.update(assets).set({ safetyRelated: true }).where(eq(assets.id, plc.id));
    const gate = await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(gate.reasons).toEqual([
      expect.objectContaining({ code: "signoff_missing", data: expect.objectContaining({ role: "safety" }) }),
    ]);
  });
});
