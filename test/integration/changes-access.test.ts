import { beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/auth/resolve";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { cancelChange } from "@/lib/services/changes/cancel";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { changeHistory } from "@/lib/services/changes/list-history";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { listChanges } from "@/lib/services/changes/list";
import { reviseChange } from "@/lib/services/changes/revise";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { changeWorld, codeOf, draft, errorOf, sign, type World } from "./changes-helpers";
import type { Actor } from "@/lib/auth/actor";

let w: World;
beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
}, 180_000);

/** Every service that acts on one change, called by `actor`; the map holds the refusal codes. */
async function everyVerb(actor: Actor, id: string, version: number) {
  return {
    get: await codeOf(getChange(actor, id)),
    update: await codeOf(updateChange(actor, id, { title: "Hijacked" }, version)),
    submit: await codeOf(submitChange(actor, id)),
    sign: await codeOf(sign(actor, id, "security")),
    revise: await codeOf(reviseChange(actor, id)),
    cancel: await codeOf(cancelChange(actor, id)),
    start: await codeOf(startChange(actor, id)),
    gate: await codeOf(evaluateGateFor(actor, id)),
    complete: await codeOf(completeChange(actor, id, { outcome: "success" })),
    close: await codeOf(closeChange(actor, id, { securityControlsVerified: true, baselineUpdated: true })),
    history: await codeOf(changeHistory(actor, id)),
  };
}

describe("authorization", () => {
  it("answers not found for a change at a site the actor cannot see — including one site of a multi-site change", async () => {
    const { requester } = w.people;
    const multi = await createChange(requester.actor, draft(w, [w.assets.plc.id, w.assets.plcB.id]));
    expect(multi.sites.map((s) => s.code)).toEqual(["PLA", "PLB"]);
    const codes = await everyVerb(w.people.onlyA.actor, multi.id, multi.version);
    expect(Object.values(codes).every((c) => c === "not_found")).toBe(true);
    expect(
      Object.values(await everyVerb(w.people.admin.actor, multi.id, multi.version)).every(
        (c) => c === "not_found",
      ),
    ).toBe(true);
    // The command line holds no site role: it sees no change, and may not sign or edit in anyone's name.
    expect(
      Object.values(await everyVerb(cliActor(), multi.id, multi.version)).every(
        (c) => c === "not_found" || c === "forbidden",
      ),
    ).toBe(true);
    expect(await codeOf(getChange(requester.actor, "not-a-uuid"))).toBe("not_found");
    const listed = await listChanges(w.people.onlyA.actor, { limit: 500 });
    expect(listed.items.map((i) => i.id)).not.toContain(multi.id);
    expect((await listChanges(requester.actor, { limit: 500 })).items.map((i) => i.id)).toContain(multi.id);
  });

  it("refuses every write by an actor who may only read (auditor)", async () => {
    const { requester, opsA, securityA, implementer, auditor } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
    const asDraft = await everyVerb(auditor.actor, c.id, c.version);
    expect(asDraft).toEqual({
      get: "ok",
      update: "forbidden",
      submit: "forbidden",
      sign: "conflict", // a draft is not open for signing to anyone
      revise: "forbidden",
      cancel: "forbidden",
      start: "gate_refused",
      gate: "ok",
      complete: "forbidden",
      close: "forbidden",
      history: "ok",
    });
    expect(await codeOf(createChange(auditor.actor, draft(w, [w.assets.plc.id])))).toBe("forbidden");

    await submitChange(requester.actor, c.id);
    expect(await errorOf(sign(auditor.actor, c.id, "security"))).toMatchObject({
      code: "forbidden",
      details: { refusal: "no_role" },
    });
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    const refused = await errorOf(startChange(auditor.actor, c.id));
    expect(refused.details.reasons?.map((r) => r.code)).toEqual(["not_implementer"]);
    await startChange(implementer.actor, c.id);
    expect(await codeOf(completeChange(auditor.actor, c.id, { outcome: "success" }))).toBe("forbidden");
    expect(await codeOf(completeChange(opsA.actor, c.id, { outcome: "success" }))).toBe("forbidden");
  });

  it("refuses creating a change on assets the actor may not request at or cannot see", async () => {
    const opsOnly = await makeUser(["PLA:operations"]);
    expect(await codeOf(createChange(opsOnly.actor, draft(w, [w.assets.plc.id])))).toBe("forbidden");
    const e = await errorOf(
      createChange(
        w.people.onlyA.actor,
        draft(w, [w.assets.plc.id, w.assets.gxp.id], { implementerEmail: w.people.onlyA.email }),
      ),
    );
    expect(e).toMatchObject({ code: "invalid", details: { errors: [{ path: "assetIds.1" }] } });
    expect(await codeOf(createChange(w.people.admin.actor, draft(w, [w.assets.plc.id])))).toBe("invalid");
    expect(await codeOf(createChange(cliActor(), draft(w, [w.assets.plc.id])))).toBe("forbidden");
  });

  it("validates the implementer, references and slot with field errors", async () => {
    const { requester } = w.people;
    const bad = await errorOf(
      createChange(requester.actor, draft(w, [w.assets.plc.id], { implementerEmail: w.people.opsA.email })),
    );
    expect(bad.details.errors).toEqual([
      { path: "implementerEmail", message: expect.stringMatching(/requester role at PLA/) },
    ]);
    const refs = await errorOf(
      createChange(
        requester.actor,
        draft(w, [w.assets.plc.id], { references: ["CVE-24-1", "x".repeat(101)] }),
      ),
    );
    expect(refs.details.errors?.map((e) => e.path)).toEqual(["references.0", "references.1"]);
    const slot = await errorOf(
      createChange(
        requester.actor,
        draft(w, [w.assets.plc.id], {
          plannedStart: "2027-03-14T10:00:00Z",
          plannedEnd: "2027-03-14T09:00:00+00:00",
        }),
      ),
    );
    expect(slot.details.errors?.map((e) => e.path)).toEqual(["plannedEnd"]);
    const local = await errorOf(
      createChange(requester.actor, draft(w, [w.assets.plc.id], { plannedStart: "2027-03-14T10:00" })),
    );
    expect(local.details.errors?.[0]?.message).toMatch(/with Z or an offset/);
    const ok = await createChange(
      requester.actor,
      draft(w, [w.assets.plc.id], { references: ["cve-2024-99999", "Siemens SSA-123456", "CVE-2024-99999"] }),
    );
    expect(ok.references).toEqual(["CVE-2024-99999", "Siemens SSA-123456"]);
  });

  it("refuses submitting an incomplete change or a 'standard' change that is not low-risk", async () => {
    const { requester } = w.people;
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.plc.id], { backoutPlan: "", implementerEmail: null }),
    );
    const e = await errorOf(submitChange(requester.actor, c.id));
    expect(e.code).toBe("invalid");
    expect(e.details.errors?.map((x) => x.path).sort()).toEqual(["backoutPlan", "implementerEmail"]);
    const std = await createChange(requester.actor, draft(w, [w.assets.sis.id], { class: "standard" }));
    const s = await errorOf(submitChange(requester.actor, std.id));
    expect(new Set(s.details.errors?.map((x) => x.path))).toEqual(new Set(["class"]));
    const view = await getChange(requester.actor, std.id);
    expect(view.availableActions.find((a) => a.action === "submit")).toMatchObject({
      available: false,
      reason: expect.stringMatching(/standard change may not be safety-relevant/),
    });
  });

  it("says which actions are available to whom, and why not", async () => {
    const { requester, opsA, auditor } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc2.id]));
    await submitChange(requester.actor, c.id);
    const forOps = await getChange(opsA.actor, c.id);
    expect(forOps.signOptions).toEqual([
      {
        role: "operations",
        siteCode: "PLA",
        available: true,
        reason: null,
        acknowledge: [],
        onBehalfOfName: null,
      },
    ]);
    expect(forOps.availableActions.find((a) => a.action === "edit")).toMatchObject({
      available: false,
      reason: expect.stringMatching(/requester or change manager/),
    });
    const forAuditor = await getChange(auditor.actor, c.id);
    expect(forAuditor.availableActions.filter((a) => a.available)).toEqual([]);
    const forRequester = await getChange(requester.actor, c.id);
    expect(forRequester.availableActions.filter((a) => a.available).map((a) => a.action)).toEqual([
      "edit",
      "cancel",
    ]);
    expect((await approvalsInbox(opsA.actor)).map((i) => i.id)).toContain(c.id);
    expect(await approvalsInbox(auditor.actor)).toEqual([]);
    expect((await changeDashboard(w.people.admin.actor)).sites).toEqual([]);
  });
});
