// The approvals inbox reads signoff_slots, a stored form of what canSign allows. These tests are
// the proof that the stored form agrees with the domain rule: after every step of every policy
// case (and after edits that supersede sign-offs, and asset edits that move the policy), each
// person's inbox equals what signOptions offers them on each change, and the stored slots equal
// a fresh derivation from the change as it is now.
import { asc, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { changes, signoffSlots } from "@/db/schema";
import { openSignoffSlots } from "@/lib/domain/changes";
import { createAsset } from "@/lib/services/assets/create";
import { updateAsset } from "@/lib/services/assets/update";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { signOptions } from "@/lib/services/changes/internal/available-actions";
import { visibleSiteIds } from "@/lib/services/changes/internal/access";
import { loadContexts } from "@/lib/services/changes/internal/load";
import { SLOT_STATES } from "@/lib/services/changes/internal/signoff-slots";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { approvedModel, catalogPeople } from "./catalog-helpers";
import { makeUser, signInAs } from "../fixtures";
import { lend } from "./delegation-helpers";
import { cliActor } from "@/lib/auth/resolve";
import { withClock } from "@/lib/clock";
import { revokeDelegation } from "@/lib/services/delegations/revoke-delegation";
import { grantRole } from "@/lib/services/users/grant-role";
import { CHECKED_IMAGE, EMERGENCY_HIGH_RISK, changeWorld, draft, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
/** Signers who see both plants, for the change that spans them. */
let corp: Record<"ops" | "quality" | "security", Person>;
let everyone: Person[];
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  corp = {
    ops: await makeUser(["PLA:operations", "PLB:operations"], { name: "Cora Operations" }),
    quality: await makeUser(["PLB:quality", "PLA:auditor"], { name: "Quentin Quality" }),
    security: await makeUser(["PLA:security", "PLB:security"], { name: "Sasha Security" }),
  };
  everyone = [...Object.values(w.people), ...Object.values(corp)];
}, 180_000);

type Person = Awaited<ReturnType<typeof makeUser>>;

/** The inbox as signOptions (the change page's rule) gives it, change by change. */
async function expectedInbox(p: Person) {
  const visible = new Set(visibleSiteIds(p.actor));
  const rows = await db
    .select()
    .from(changes)
    .where(inArray(changes.state, [...SLOT_STATES]))
    .orderBy(asc(changes.id));
  const seen = rows.filter((r) => r.siteIds.length > 0 && r.siteIds.every((id) => visible.has(id)));
  const out: { id: string; roles: { role: string; siteCode: string | null; retrospective: boolean }[] }[] =
    [];
  for (const ctx of await loadContexts(db, seen)) {
    const open = signOptions(p.actor, ctx).filter((o) => o.available);
    if (open.length === 0) continue;
    out.push({
      id: ctx.row.id,
      roles: open.map((o) => ({
        role: o.role,
        siteCode: o.siteCode,
        retrospective:
          ctx.row.state !== "submitted" &&
          o.role !== "pssr" &&
          ctx.required.some((q) => q.role === o.role && q.retrospectiveAllowed),
        onBehalfOfName: o.onBehalfOfName,
      })),
    });
  }
  return out;
}

/** Every person's inbox agrees with signOptions, and the stored slots with a fresh derivation. */
async function expectAgreement(people: readonly Person[] = everyone) {
  for (const p of people) {
    const got = (await approvalsInbox(p.actor)).map((i) => ({ id: i.id, roles: i.roles }));
    got.sort((a, b) => a.id.localeCompare(b.id));
    expect(got, p.email).toEqual(await expectedInbox(p));
  }
  const rows = await db.select().from(changes).orderBy(asc(changes.id));
  const stored = await db.select().from(signoffSlots).orderBy(asc(signoffSlots.ordinal));
  for (const ctx of await loadContexts(db, rows)) {
    const mine = stored
      .filter((s) => s.changeId === ctx.row.id)
      .map(({ role, siteId, grantKeys, blockedIds, retrospective }) => ({
        role,
        siteId,
        grantKeys,
        blockedIds: [...blockedIds].sort(),
        retrospective,
      }));
    const fresh = openSignoffSlots(ctx.facts, ctx.counted, ctx.required).map((s) => ({
      ...s,
      blockedIds: [...s.blockedIds].sort(),
    }));
    expect(mine, ctx.row.number).toEqual(fresh);
  }
}

describe("signoff slots: the inbox's stored form of the signing rule", () => {
  it("agrees with signOptions for every policy case, through signing, edits, start and PSSR", async () => {
    const { requester, implementer, opsA, securityA, securityB, safetyA, opsAndSecurity } = w.people;
    const a = w.assets;
    // Rule 1 + 2: one site; rule 3: a safety-related asset (then a PSSR); rules 1 per site + 5:
    // two sites with a GxP asset; rule 4 (retrospective): an emergency change of high risk;
    // the standard class: security only.
    const plain = await createChange(requester.actor, draft(w, [a.plc.id]));
    const safety = await createChange(requester.actor, draft(w, [a.sis.id]));
    const twoSites = await createChange(requester.actor, draft(w, [a.plc.id, a.gxp.id, a.plcB.id]));
    const emergency = await createChange(requester.actor, draft(w, [a.plc2.id], EMERGENCY_HIGH_RISK));
    // A standard change names an approved catalog model version (issue 15).
    const { versionId } = await approvedModel("PLB", await catalogPeople("PLB"), {
      changeTypes: ["firewall_rule"],
    });
    const standard = await createChange(
      requester.actor,
      draft(w, [a.plcB.id], { class: "standard", type: "firewall_rule", standardModelVersionId: versionId }),
    );
    await expectAgreement(); // drafts wait for nobody
    for (const c of [plain, safety, twoSites, emergency, standard]) await submitChange(requester.actor, c.id);
    await expectAgreement();

    // A person holding two perspectives gives one; the other is then refused to them.
    await sign(opsAndSecurity.actor, plain.id, "operations");
    await sign(corp.ops.actor, twoSites.id, "operations", { siteCode: "PLA" });
    await sign(corp.quality.actor, twoSites.id, "quality");
    await expectAgreement();

    // An edit of approved content supersedes the round's sign-offs: the slots open again.
    const v = (
      await db
        .select()
        .from(changes)
        .where(inArray(changes.id, [twoSites.id]))
    )[0]!.version;
    await updateChange(requester.actor, twoSites.id, { title: "Update both plants' firmware" }, v);
    await expectAgreement();

    // An asset edit that moves the policy: PLC-101 becomes safety-related (safety now signs).
    await updateAsset(requester.actor, a.plc.id, { safetyRelated: true });
    await expectAgreement();

    // Approval, start, retrospective change board, completion and the PSSR owed afterwards.
    await sign(opsA.actor, emergency.id, "operations");
    await sign(securityA.actor, emergency.id, "security", { acknowledged: ["vendor_not_qualified"] });
    await sign(safetyA.actor, emergency.id, "safety");
    await expectAgreement();
    await startChange(implementer.actor, emergency.id);
    await expectAgreement();
    await sign(opsA.actor, safety.id, "operations");
    await sign(securityA.actor, safety.id, "security");
    await sign(safetyA.actor, safety.id, "safety");
    await startChange(implementer.actor, safety.id);
    await completeChange(implementer.actor, safety.id, {
      outcome: "success",
      notes: "Flashed 11.3",
      integrity: CHECKED_IMAGE,
    });
    await expectAgreement(); // the safety signer may also give the PSSR
    // An asset edit after implementation: the PSSR follows the asset (no longer safety-related).
    await updateAsset(requester.actor, a.sis.id, { safetyRelated: false });
    await expectAgreement();
    await sign(securityB.actor, standard.id, "security");
    await sign(corp.ops.actor, twoSites.id, "operations", { siteCode: "PLB" });
    await sign(corp.security.actor, twoSites.id, "security");
    await expectAgreement();
  }, 300_000);

  it("offers a delegate what the lent role may sign, on the approver's behalf, while the delegation is in force and not before or after", async () => {
    const { requester, safetyA, opsAndSecurity, securityA, opsA } = w.people;
    const dan = await makeUser([], { name: "Dan Deputy" });
    const dora = await makeUser([], { name: "Dora Deputy" });
    const fay = await makeUser([], { name: "Fay Future" });
    const ed = await makeUser([], { name: "Ed Ended" });
    const rex = await makeUser([], { name: "Rex Revoked" });
    await lend(safetyA, dan, "safety", 0, 6);
    await lend(opsAndSecurity, dora, "security", 0, 6);
    await lend(securityA, fay, "security", 5, 7); // not yet started
    await lend(securityA, rex, "security", 0, 3).then((d) => revokeDelegation(securityA.actor, d.id));
    // Made twelve days ago for three days then: over.
    const past = DateTime.now().minus({ days: 12 }).toJSDate();
    await withClock(
      () => past,
      () => lend(opsA, ed, "operations", 0, 2),
    );
    // Actors are resolved per request, with the delegations in force then.
    const people = async () => [
      ...everyone.filter((p) => p.id !== opsAndSecurity.id),
      ...(await Promise.all(
        [opsAndSecurity, dan, dora, fay, ed, rex].map(async (p) => ({
          ...p,
          actor: await signInAs(p.email),
        })),
      )),
    ];
    const inboxOf = async (p: Person) =>
      (await approvalsInbox(await signInAs(p.email))).map((i) => ({ id: i.id, roles: i.roles }));

    const fresh = (tag: string, extra: Record<string, unknown> = {}) =>
      createAsset(requester.actor, {
        siteCode: "PLA",
        areaCode: "U2",
        tag,
        name: `Spare ${tag}`,
        kind: "plc",
        criticality: "supporting",
        ...extra,
      });
    const sis = await fresh("SIS-212", {
      kind: "sis_logic_solver",
      criticality: "safety_critical",
      safetyRelated: true,
    });
    const c1 = await createChange(requester.actor, draft(w, [sis.id]));
    const c2 = await createChange(requester.actor, draft(w, [(await fresh("PLC-111")).id]));
    for (const c of [c1, c2]) await submitChange(requester.actor, c.id);
    expect((await inboxOf(dan)).find((i) => i.id === c1.id)?.roles).toEqual([
      { role: "safety", siteCode: "PLA", retrospective: false, onBehalfOfName: "Sofia Safety" },
    ]);
    expect((await inboxOf(dora)).find((i) => i.id === c2.id)?.roles).toEqual([
      { role: "security", siteCode: "PLA", retrospective: false, onBehalfOfName: "Dual Role" },
    ]);
    for (const p of [fay, ed, rex]) expect(await inboxOf(p), p.name).toEqual([]);
    await expectAgreement(await people());

    // Dora signs for Dual Role: Dual's authority has given security on c2, so not operations too.
    await sign(await signInAs(dora.email), c2.id, "security");
    expect((await inboxOf(opsAndSecurity)).find((i) => i.id === c2.id)).toBeUndefined();
    // Dual Role gives operations on c1 in person: nobody signs security there on their behalf.
    await sign(opsAndSecurity.actor, c1.id, "operations");
    expect((await inboxOf(dora)).find((i) => i.id === c1.id)).toBeUndefined();
    await expectAgreement(await people());

    // A conflicting role of the delegate's own (granted after the delegation) ends what it lends.
    await grantRole(cliActor(), dan.email, { siteCode: "PLA", role: "quality" });
    expect((await inboxOf(dan)).find((i) => i.id === c1.id)).toBeUndefined();
    await expectAgreement(await people());

    // Six days on, Fay's days have begun: c1's security is hers to give, for Sam.
    const later = DateTime.now().setZone("America/Chicago").plus({ days: 6 }).set({ hour: 12 }).toJSDate();
    await withClock(
      () => later,
      async () => {
        expect((await inboxOf(fay)).find((i) => i.id === c1.id)?.roles).toEqual([
          { role: "security", siteCode: "PLA", retrospective: false, onBehalfOfName: "Sam Security" },
        ]);
        expect((await inboxOf(rex)).find((i) => i.id === c1.id)).toBeUndefined();
      },
    );
  }, 300_000);

  it("fills the slots of changes written without them (bulk loads, rows from before the table)", async () => {
    const { requester } = w.people;
    const spare = await createAsset(requester.actor, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "PLC-109",
      name: "Spare",
      kind: "plc",
      criticality: "supporting",
    });
    const c = await createChange(requester.actor, draft(w, [spare.id]));
    await submitChange(requester.actor, c.id);
    await db.delete(signoffSlots).where(inArray(signoffSlots.changeId, [c.id]));
    const { signoffSlotSets } = await import("@/db/schema");
    await db.delete(signoffSlotSets).where(inArray(signoffSlotSets.changeId, [c.id]));
    // A new process (module state) fills on its first read.
    const { fillMissingSignoffSlots } = await import("@/lib/services/changes/internal/signoff-slots");
    const stored = async () =>
      db
        .select()
        .from(signoffSlots)
        .where(inArray(signoffSlots.changeId, [c.id]));
    expect(await stored()).toEqual([]);
    await fillMissingSignoffSlots(await freshDb());
    expect((await stored()).map((s) => s.role)).toEqual(["operations", "security"]);
    await expectAgreement();
  });
});

/** getDb's handle is per process; a Proxy is another key for the fill's once-per-database memo. */
async function freshDb(): Promise<Db> {
  return new Proxy(db, {}) as Db;
}
