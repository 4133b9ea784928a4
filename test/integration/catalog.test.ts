import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, changes, signoffs } from "@/db/schema";
import { updateAsset } from "@/lib/services/assets/update";
import { getModel } from "@/lib/services/catalog/get-model";
import { listModels } from "@/lib/services/catalog/list-models";
import { listUsableModels } from "@/lib/services/catalog/list-usable-models";
import { proposeModel } from "@/lib/services/catalog/propose-model";
import { retireModel } from "@/lib/services/catalog/retire-model";
import { reviseModel } from "@/lib/services/catalog/revise-model";
import { signModel } from "@/lib/services/catalog/sign-model";
import { createAsset } from "@/lib/services/assets/create";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import type { ModelContentInput } from "@/lib/schemas/catalog";
import { PASSWORD, makeUser } from "../fixtures";
import { useTestDatabase } from "../db";
import { MODEL_CONTENT, approvedModel, catalogPeople, signPending } from "./catalog-helpers";
import { changeWorld, codeOf, draft, errorOf, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
let people: Awaited<ReturnType<typeof catalogPeople>>;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  people = await catalogPeople("PLA");
}, 180_000);

/** A standard change on the supporting PLC, within MODEL_CONTENT. */
const standard = (versionId: string | null, extra = {}) =>
  draft(w, [w.assets.plc.id], {
    class: "standard",
    type: "security_patch",
    standardModelVersionId: versionId,
    ...extra,
  });

const eventsOf = async (objectId: string) =>
  (await db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId))).map((e) => e.action);

describe("proposing and approving a model", () => {
  it("is usable only once another change manager of the site signs it for the board", async () => {
    const proposed = await proposeModel(people.proposer.actor, { siteCode: "PLA", ...MODEL_CONTENT });
    expect(proposed).toMatchObject({
      code: expect.stringMatching(/^SC-\d{3}$/),
      status: "awaiting",
      pendingVersion: 1,
    });
    expect(proposed.approvedVersionId).toBeNull();
    const v1 = proposed.versions[0]!;

    // A standard change naming the unapproved version is refused at submit.
    const early = await createChange(w.people.requester.actor, standard(v1.id));
    const refused = await errorOf(submitChange(w.people.requester.actor, early.id));
    expect(refused.code).toBe("invalid");
    expect(refused.message).toContain("not approved yet");
    expect(await listUsableModels(w.people.requester.actor)).not.toContainEqual(
      expect.objectContaining({ versionId: v1.id }),
    );

    // The proposer never approves their own version; a requester is no board member.
    expect(proposed.canSign.ok).toBe(false);
    expect(await codeOf(signPending(people.proposer.actor, proposed.id))).toBe("forbidden");
    expect(await codeOf(signPending(w.people.requester.actor, proposed.id))).toBe("forbidden");
    // Content-bound: a hash the version does not have is refused; a wrong password too.
    expect(
      await codeOf(
        signModel(people.board.actor, proposed.id, {
          decision: "approve",
          password: PASSWORD,
          contentHash: "a".repeat(64),
        }),
      ),
    ).toBe("conflict");
    expect(
      await codeOf(
        signModel(people.board.actor, proposed.id, {
          decision: "approve",
          password: "wrong",
          contentHash: v1.contentHash,
        }),
      ),
    ).toBe("invalid");

    const approved = await signPending(people.board.actor, proposed.id);
    expect(approved).toMatchObject({ status: "usable", approvedVersion: 1, approvedVersionId: v1.id });
    expect(approved.versions[0]!.signoffs).toEqual([
      expect.objectContaining({
        decision: "approve",
        signerName: "Bert Board",
        contentHash: v1.contentHash,
        meaning: expect.stringMatching(/^Approved as change board/),
      }),
    ]);
    // The same signoffs table as change sign-offs, bound to the version, not to a change.
    const [row] = await db.select().from(signoffs).where(eq(signoffs.modelVersionId, v1.id));
    expect(row).toMatchObject({ changeId: null, role: "change_board", method: "password" });
    expect(await eventsOf(proposed.id)).toEqual(["standard_model.propose", "standard_model.sign"]);

    // Now the same change submits, needs only security, and shows its model version.
    const submitted = await submitChange(w.people.requester.actor, early.id);
    expect(submitted.requiredSignoffs.map((r) => r.role)).toEqual(["security"]);
    expect(submitted.standardModel).toMatchObject({ code: proposed.code, version: 1, state: "approved" });
    const signed = await sign(w.people.securityA.actor, early.id, "security");
    expect(signed.state).toBe("approved");
    const gate = await evaluateGateFor(w.people.implementer.actor, early.id);
    expect(gate.reasons.filter((r) => r.code === "outside_model")).toEqual([]);
  });

  it("refuses a standard change that names no model, and one outside its model, at submit", async () => {
    const none = await createChange(w.people.requester.actor, standard(null));
    const e1 = await errorOf(submitChange(w.people.requester.actor, none.id));
    expect(e1.details.errors).toContainEqual(
      expect.objectContaining({
        path: "standardModelVersionId",
        message: expect.stringContaining("must name an approved"),
      }),
    );
    const { versionId } = await approvedModel("PLA", people);
    const tooLong = await createChange(
      w.people.requester.actor,
      standard(versionId, { expectedDowntimeMinutes: 90 }),
    );
    const e2 = await errorOf(submitChange(w.people.requester.actor, tooLong.id));
    expect(e2.message).toMatch(/Expected downtime 90 min exceeds the 30 min SC-\d{3} v1/);
    const wrongType = await createChange(w.people.requester.actor, standard(versionId, { type: "access" }));
    expect((await errorOf(submitChange(w.people.requester.actor, wrongType.id))).message).toContain(
      "Type Access change is not allowed",
    );
    expect(await getChange(w.people.requester.actor, wrongType.id)).toMatchObject({ state: "draft" });
  });
});

describe("models never touch safety-related assets", () => {
  it("refuses a model allowing SIS logic solvers or safety-critical assets, and a change on a SIS under any model", async () => {
    for (const bad of [
      { assetKinds: ["plc", "sis_logic_solver"] },
      { criticalities: ["supporting", "safety_critical"] },
    ] satisfies Partial<ModelContentInput>[]) {
      const e = await errorOf(
        proposeModel(people.proposer.actor, { siteCode: "PLA", ...MODEL_CONTENT, ...bad }),
      );
      expect(e.code).toBe("invalid");
      expect(e.message).toContain("may never touch safety-related assets");
    }
    const { versionId } = await approvedModel("PLA", people);
    const onSis = await createChange(
      w.people.requester.actor,
      draft(w, [w.assets.sis.id], {
        class: "standard",
        type: "security_patch",
        standardModelVersionId: versionId,
      }),
    );
    // The class rule and the model both refuse it; nothing is submitted.
    const e = await errorOf(submitChange(w.people.requester.actor, onSis.id));
    expect(e.message).toContain("safety-related asset SIS-201");
    expect(await getChange(w.people.requester.actor, onSis.id)).toMatchObject({ state: "draft" });
  });
});

describe("editing and retiring", () => {
  it("an edit makes a new version that needs approval again; the approved one stays usable until then", async () => {
    const { model, versionId: v1 } = await approvedModel("PLA", people);
    const edited = await reviseModel(people.proposer.actor, model.id, {
      ...MODEL_CONTENT,
      maxDowntimeMinutes: 60,
      basedOnVersion: 1,
    });
    expect(edited).toMatchObject({
      status: "usable",
      approvedVersion: 1,
      pendingVersion: 2,
      latestVersion: 2,
    });
    // A stale edit is refused.
    expect(
      await codeOf(reviseModel(people.proposer.actor, model.id, { ...MODEL_CONTENT, basedOnVersion: 1 })),
    ).toBe("conflict");
    // Version 2's longer downtime is not approved yet: a 45-minute change on v1 is refused.
    const long = await createChange(w.people.requester.actor, standard(v1, { expectedDowntimeMinutes: 45 }));
    expect(await codeOf(submitChange(w.people.requester.actor, long.id))).toBe("invalid");
    const onV1 = await submitChange(
      w.people.requester.actor,
      (await createChange(w.people.requester.actor, standard(v1))).id,
    );

    const approved = await signPending(people.board.actor, model.id);
    const v2 = approved.versions[0]!;
    expect(approved).toMatchObject({ approvedVersion: 2, approvedVersionId: v2.id, pendingVersion: null });
    expect(approved.versions[1]).toMatchObject({ version: 1, state: "superseded" });
    expect(v2.contentHash).not.toBe(approved.versions[1]!.contentHash);
    // New changes name v2; v1 takes none, but a change already submitted on it may run.
    expect(await codeOf(submitChange(w.people.requester.actor, long.id))).toBe("invalid");
    await updateChange(w.people.requester.actor, long.id, { standardModelVersionId: v2.id }, long.version);
    expect((await submitChange(w.people.requester.actor, long.id)).standardModel).toMatchObject({
      version: 2,
    });
    await sign(w.people.securityA.actor, onV1.id, "security");
    const gate = await evaluateGateFor(w.people.implementer.actor, onV1.id);
    expect(gate.reasons.filter((r) => r.code === "outside_model")).toEqual([]);
    expect(await eventsOf(model.id)).toEqual([
      "standard_model.propose",
      "standard_model.sign",
      "standard_model.revise",
      "standard_model.sign",
    ]);
  });

  it("a change's model version is approved content: moving it to another version supersedes its sign-offs", async () => {
    const { model, versionId: v1 } = await approvedModel("PLA", people);
    const c = await submitChange(
      w.people.requester.actor,
      (await createChange(w.people.requester.actor, standard(v1))).id,
    );
    const signed = await sign(w.people.securityA.actor, c.id, "security");
    expect(signed.state).toBe("approved");
    await reviseModel(people.proposer.actor, model.id, {
      ...MODEL_CONTENT,
      maxDowntimeMinutes: 45,
      basedOnVersion: 1,
    });
    const v2 = (await signPending(people.board.actor, model.id)).approvedVersionId!;
    const moved = await updateChange(
      w.people.requester.actor,
      c.id,
      { standardModelVersionId: v2 },
      signed.version,
    );
    // The security approver judged the change as work within v1: that signature no longer counts.
    expect(moved.contentHash).not.toBe(signed.contentHash);
    expect(moved.state).toBe("submitted");
    expect(moved.signoffs).toEqual([
      expect.objectContaining({ role: "security", superseded: true, supersededAt: expect.any(String) }),
    ]);
    expect(moved.standardModel).toMatchObject({ version: 2 });
    const gate = await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(gate.allowed).toBe(false);
  });

  it("retiring stops new use", async () => {
    const { model, versionId } = await approvedModel("PLA", people);
    const pending = await createChange(w.people.requester.actor, standard(versionId));
    expect(await codeOf(retireModel(w.people.requester.actor, model.id, { reason: "x" }))).toBe("forbidden");
    const retired = await retireModel(people.proposer.actor, model.id, {
      reason: "Replaced by vendor tooling",
    });
    expect(retired).toMatchObject({ status: "retired", retiredReason: "Replaced by vendor tooling" });
    expect((await errorOf(submitChange(w.people.requester.actor, pending.id))).message).toContain("retired");
    expect(await listUsableModels(w.people.requester.actor)).not.toContainEqual(
      expect.objectContaining({ modelId: model.id }),
    );
    expect((await listModels(people.board.actor, { state: "retired" })).items.map((m) => m.id)).toContain(
      model.id,
    );
    expect(
      await codeOf(reviseModel(people.proposer.actor, model.id, { ...MODEL_CONTENT, basedOnVersion: 1 })),
    ).toBe("conflict");
  });
});

describe("at the gate", () => {
  it("a change drifting outside its model closes the gate with a plain reason", async () => {
    const { versionId } = await approvedModel("PLA", people);
    const hmi = await createAsset(w.people.requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "HMI-150",
      name: "Panel",
      kind: "hmi",
      criticality: "supporting",
    });
    const c = await createChange(w.people.requester.actor, {
      ...standard(versionId),
      assetIds: [hmi.id],
    });
    await submitChange(w.people.requester.actor, c.id);
    await sign(w.people.securityA.actor, c.id, "security");
    expect(
      (await evaluateGateFor(w.people.implementer.actor, c.id)).reasons.map((r) => r.code),
    ).not.toContain("outside_model");
    // The inventory is corrected: the panel is really an RTU, which the model does not cover.
    await updateAsset(w.people.requester.actor, hmi.id, { kind: "rtu" });
    const gate = await evaluateGateFor(w.people.implementer.actor, c.id);
    expect(gate.allowed).toBe(false);
    expect(gate.reasons).toContainEqual(
      expect.objectContaining({
        code: "outside_model",
        message: expect.stringMatching(
          /^Outside its standard change model: HMI-150 is a RTU, which SC-\d{3} v1 .* does not cover$/,
        ),
      }),
    );
  });
});

describe("visibility and legacy", () => {
  it("a model at a site one cannot see is not found; proposing needs a change manager", async () => {
    const { model } = await approvedModel("PLA", people);
    const elsewhere = await makeUser(["PLB:change_manager"]);
    expect(await codeOf(getModel(elsewhere.actor, model.id))).toBe("not_found");
    expect(await codeOf(proposeModel(w.people.requester.actor, { siteCode: "PLA", ...MODEL_CONTENT }))).toBe(
      "forbidden",
    );
    expect(await codeOf(proposeModel(elsewhere.actor, { siteCode: "PLA", ...MODEL_CONTENT }))).toBe(
      "not_found",
    );
    expect(
      await codeOf(
        createChange(elsewhere.actor, {
          ...draft(w, [w.assets.plcB.id], {
            class: "standard",
            standardModelVersionId: model.approvedVersionId,
          }),
        }),
      ),
    ).not.toBe("ok");
  });

  it("the migration marks standard changes from before the catalog legacy; they stay readable and unbound", async () => {
    const old = await createChange(w.people.requester.actor, standard(null));
    const dir = path.join(process.cwd(), "db/migrations");
    const file = readdirSync(dir).find((f) => f.endsWith("_standard_legacy_marker.sql"))!;
    const statement = readFileSync(path.join(dir, file), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("--"))
      .join("\n");
    await db.execute(sql.raw(statement));
    const [row] = await db
      .select()
      .from(changes)
      .where(and(eq(changes.id, old.id)));
    expect(row!.standardLegacy).toBe(true);
    const view = await getChange(w.people.requester.actor, old.id);
    expect(view).toMatchObject({ class: "standard", standardLegacy: true, standardModel: null });
  });
});
