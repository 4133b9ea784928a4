import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, changeIntegrityChecks, signoffs } from "@/db/schema";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createAsset } from "@/lib/services/assets/create";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { CHECKED_IMAGE, changeWorld, draft, errorOf, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

let tags = 0;

/** A change on an asset of its own, signed by operations and security and started: ready for its outcome. */
async function inProgress(overrides: Partial<CreateChangeInput> = {}) {
  const { requester, opsA, securityA, implementer } = w.people;
  const asset = await createAsset(requester.actor, {
    siteCode: "PLA",
    areaCode: "U1",
    tag: `PLC-9${String(++tags).padStart(2, "0")}`,
    name: "Integrity test controller",
    kind: "plc",
    criticality: "supporting",
  });
  const c = await createChange(requester.actor, draft(w, [asset.id], overrides));
  await submitChange(requester.actor, c.id);
  await sign(opsA.actor, c.id, "operations", { siteCode: "PLA" });
  await sign(securityA.actor, c.id, "security");
  await startChange(implementer.actor, c.id);
  return c;
}

const eventsOf = (id: string, action: "change.complete" | "change.integrity_refused" | "signoff.sign") =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, action)));

describe("vendor qualification (supply chain)", () => {
  it("a patch or firmware update the vendor has not qualified cannot be a standard change", async () => {
    const actor = w.people.requester.actor;
    for (const type of ["security_patch", "firmware_update"] as const)
      await expect(
        createChange(actor, draft(w, [w.assets.plc.id], { type, class: "standard", vendorQualified: false })),
      ).rejects.toMatchObject({
        code: "invalid",
        message: expect.stringMatching(/cannot be a standard change/),
      });
    const qualified = await createChange(
      actor,
      draft(w, [w.assets.plc.id], { class: "standard", vendorQualified: true }),
    );
    expect(qualified.class).toBe("standard");
    const other = await createChange(
      actor,
      draft(w, [w.assets.plc.id], { type: "configuration", class: "standard", vendorQualified: false }),
    );
    expect(other.class).toBe("standard");
    // Editing either field into the forbidden combination is refused too.
    await expect(
      updateChange(actor, qualified.id, { vendorQualified: false }, qualified.version),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    const normal = await createChange(actor, draft(w, [w.assets.plc.id], { vendorQualified: false }));
    await expect(updateChange(actor, normal.id, { class: "standard" }, normal.version)).rejects.toMatchObject(
      {
        code: "invalid",
      },
    );
  });
});

describe("integrity check before a patch or firmware update is reported successful (CIP-010 R1.6)", () => {
  const implementer = () => w.people.implementer.actor;

  it("refuses success without a check, and keeps the change in progress", async () => {
    const c = await inProgress();
    const e = await errorOf(completeChange(implementer(), c.id, { outcome: "success", notes: "Flashed" }));
    expect(e.code).toBe("invalid");
    expect(e.details.errors).toEqual([
      { path: "integrity", message: expect.stringMatching(/integrity check/) },
    ]);
    expect((await getChange(implementer(), c.id)).state).toBe("in_progress");
  });

  it("refuses a SHA-256 that does not match the vendor's, records the refusal in the trail, stores nothing", async () => {
    const c = await inProgress({ type: "security_patch" });
    const bad = { ...CHECKED_IMAGE, computedSha256: "0".repeat(64) };
    const e = await errorOf(completeChange(implementer(), c.id, { outcome: "success", integrity: bad }));
    expect(e.code).toBe("invalid");
    expect(e.message).toBe(
      "The SHA-256 of fw-11.3.bin does not match the vendor's published value: do not report it installed. Obtain the file again from the vendor and check it before installing.",
    );
    expect(e.details.reasons?.map((r) => r.code)).toEqual(["integrity_mismatch"]);
    const after = await getChange(implementer(), c.id);
    expect(after.state).toBe("in_progress");
    expect(after.integrityCheck).toBeNull();
    expect(
      await db.select().from(changeIntegrityChecks).where(eq(changeIntegrityChecks.changeId, c.id)),
    ).toEqual([]);
    const [refusal] = await eventsOf(c.id, "change.integrity_refused");
    expect(refusal?.reason).toBe(e.message);
    expect(refusal?.after).toMatchObject({
      outcome: "success",
      integrity: { method: "sha256", fileName: "fw-11.3.bin", computedSha256: "0".repeat(64), passed: false },
    });
  });

  it("refuses a vendor signature that did not verify", async () => {
    const c = await inProgress();
    const e = await errorOf(
      completeChange(implementer(), c.id, {
        outcome: "success",
        integrity: {
          method: "signature",
          fileName: "S7-1500_V3.1.4.upd",
          signatureValid: false,
          signatureDetail: "TIA Portal signature check",
        },
      }),
    );
    expect(e.details.errors?.[0]?.path).toBe("integrity.signatureValid");
    expect(e.message).toMatch(/vendor signature of S7-1500_V3\.1\.4\.upd did not verify/);
  });

  it("completes with a matching SHA-256, shows the check on the change and writes it into the trail", async () => {
    const c = await inProgress();
    const done = await completeChange(implementer(), c.id, {
      outcome: "success",
      notes: "Flashed",
      integrity: CHECKED_IMAGE,
    });
    expect(done.state).toBe("implemented");
    expect(done.integrityRequired).toBe(true);
    expect(done.integrityCheck).toMatchObject({
      method: "sha256",
      fileName: "fw-11.3.bin",
      // Stored in lower case whatever case the vendor published it in.
      computedSha256: "3f".repeat(32),
      publishedSha256: "3f".repeat(32),
      signatureValid: null,
      passed: true,
      recordedByName: "Ivan Implementer",
      recordedByEmail: w.people.implementer.email,
    });
    expect((await getChange(w.people.auditor.actor, c.id)).integrityCheck?.passed).toBe(true);
    const [event] = await eventsOf(c.id, "change.complete");
    expect(event?.after).toMatchObject({
      state: "implemented",
      integrity: {
        method: "sha256",
        fileName: "fw-11.3.bin",
        publishedSha256: "3f".repeat(32),
        passed: true,
      },
    });
  });

  it("completes with a verified vendor signature", async () => {
    const c = await inProgress({ type: "security_patch" });
    const done = await completeChange(implementer(), c.id, {
      outcome: "success",
      integrity: {
        method: "signature",
        fileName: "KB5034441.msu",
        signatureValid: true,
        signatureDetail: "Authenticode: Microsoft Corporation",
      },
    });
    expect(done.integrityCheck).toMatchObject({
      method: "signature",
      signatureValid: true,
      computedSha256: null,
      passed: true,
    });
  });

  it("lets a failed outcome carry the failing check as evidence, and asks nothing of other change types", async () => {
    const c = await inProgress();
    const failed = await completeChange(implementer(), c.id, {
      outcome: "failed",
      notes: "Checksum mismatch: not installed",
      integrity: { ...CHECKED_IMAGE, computedSha256: "0".repeat(64) },
    });
    expect(failed.state).toBe("failed");
    expect(failed.integrityCheck?.passed).toBe(false);

    const config = await inProgress({ type: "configuration" });
    const done = await completeChange(implementer(), config.id, { outcome: "success" });
    expect(done.state).toBe("implemented");
    expect(done.integrityRequired).toBe(false);
    expect(done.integrityCheck).toBeNull();
  });

  it("checks under the row lock: two concurrent completions record one outcome and one check", async () => {
    const c = await inProgress();
    const results = await Promise.allSettled([
      completeChange(implementer(), c.id, { outcome: "success", integrity: CHECKED_IMAGE }),
      completeChange(implementer(), c.id, { outcome: "success", integrity: CHECKED_IMAGE }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(
      await db.select().from(changeIntegrityChecks).where(eq(changeIntegrityChecks.changeId, c.id)),
    ).toHaveLength(1);
  });
});

describe("a fix the vendor has not qualified: the security approver acknowledges it when signing", () => {
  async function submitted(overrides: Partial<CreateChangeInput> = {}) {
    const { requester } = w.people;
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.plc.id], { vendorQualified: false, ...overrides }),
    );
    await submitChange(requester.actor, c.id);
    return c;
  }

  it("offers the warning to security only, and refuses the approval without the acknowledgement before the password", async () => {
    const c = await submitted();
    const view = await getChange(w.people.securityA.actor, c.id);
    expect(view.signOptions.find((o) => o.role === "security")?.acknowledge.map((a) => a.code)).toEqual([
      "vendor_not_qualified",
    ]);
    expect(
      (await getChange(w.people.opsA.actor, c.id)).signOptions.find((o) => o.role === "operations")
        ?.acknowledge,
    ).toEqual([]);
    // A wrong password too: the missing acknowledgement is named first, and no attempt is spent.
    const e = await errorOf(sign(w.people.securityA.actor, c.id, "security", { password: "wrong-password" }));
    expect(e.code).toBe("invalid");
    expect(e.message).toMatch(
      /^Acknowledge the warning to sign: The vendor has not qualified this patch or firmware/,
    );
    expect(e.details.errors).toEqual([
      { path: "acknowledged", message: "Acknowledge the warning above to sign." },
    ]);
    expect(await db.select().from(signoffs).where(eq(signoffs.changeId, c.id))).toEqual([]);
    // Rejecting needs no acknowledgement; neither does another role's approval.
    await sign(w.people.opsA.actor, c.id, "operations", { siteCode: "PLA" });
    const gate = await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(gate.warnings).toEqual([
      {
        code: "vendor_not_qualified",
        message: expect.stringMatching(/the security approver must acknowledge this when signing$/),
        acknowledged: false,
      },
    ]);
  });

  it("records the acknowledgement with the sign-off, in its meaning and in the trail; the gate shows it acknowledged", async () => {
    const c = await submitted();
    await sign(w.people.opsA.actor, c.id, "operations", { siteCode: "PLA" });
    const signed = await sign(w.people.securityA.actor, c.id, "security", {
      acknowledged: ["vendor_not_qualified"],
    });
    expect(signed.state).toBe("approved");
    const mine = signed.signoffs.find((s) => s.role === "security")!;
    expect(mine.acknowledged).toEqual(["vendor_not_qualified"]);
    expect(mine.meaning).toBe(
      "Approved as IT/OT security authority, acknowledging that the vendor has not qualified the fix",
    );
    const [row] = await db
      .select()
      .from(signoffs)
      .where(and(eq(signoffs.changeId, c.id), eq(signoffs.role, "security")));
    expect(row?.acknowledged).toEqual(["vendor_not_qualified"]);
    const events = await eventsOf(c.id, "signoff.sign");
    expect(events.find((e) => (e.after as { role: string }).role === "security")?.after).toMatchObject({
      acknowledged: ["vendor_not_qualified"],
      meaning: mine.meaning,
    });
    const gate = await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(gate.warnings).toEqual([
      {
        code: "vendor_not_qualified",
        message: expect.stringMatching(/Sam Security acknowledged this when signing for security$/),
        acknowledged: true,
      },
    ]);
  });

  it("asks nothing when the vendor qualified the fix, or for a rejection", async () => {
    const qualified = await submitted({ vendorQualified: true });
    const ok = await sign(w.people.securityA.actor, qualified.id, "security", {
      acknowledged: ["vendor_not_qualified"],
    });
    // Only what was owed is recorded.
    expect(ok.signoffs.find((s) => s.role === "security")?.acknowledged).toEqual([]);
    expect((await evaluateGateFor(w.people.implementer.actor, qualified.id)).warnings).toEqual([]);

    const unqualified = await submitted();
    const rejected = await sign(w.people.securityA.actor, unqualified.id, "security", {
      decision: "reject",
      comment: "Wait for the vendor's qualification.",
    });
    expect(rejected.state).toBe("rejected");
  });
});
