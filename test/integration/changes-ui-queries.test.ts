// The read-only queries behind the change screens: asset picker, implementer suggestions and
// the overdue-retrospective flag of the change list.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import { createAsset } from "@/lib/services/assets/create";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { startChange } from "@/lib/services/changes/start";
import { getChange } from "@/lib/services/changes/get";
import { submitChange } from "@/lib/services/changes/submit";
import { pickerAssetsByIds } from "@/lib/services/changes/get-picker-assets";
import { searchPickerAssets } from "@/lib/services/changes/search-picker-assets";
import { overdueRetrospectiveIds } from "@/lib/services/changes/find-overdue-retrospectives";
import { implementerCandidates } from "@/lib/services/changes/list-implementer-candidates";
import { useTestDatabase } from "../db";
import { HOUR, changeWorld, draft, sign, type World } from "./changes-helpers";

let w: World;
beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
}, 180_000);

describe("asset picker", () => {
  it("finds assets only at sites where the actor may request changes, with the site's id and zone", async () => {
    const both = await searchPickerAssets(w.people.requester.actor, "PLC-");
    expect(both.map((a) => a.tag).sort()).toEqual(["PLC-101", "PLC-102", "PLC-301", "PLC-302"]);
    const plc = both.find((a) => a.tag === "PLC-101")!;
    expect(plc).toMatchObject({
      siteId: w.siteA.id,
      siteCode: "PLA",
      timeZone: "America/Chicago",
      areaCode: "U1",
      criticality: "supporting",
    });

    // A requester at PLA only: the PLB assets are not offered.
    const onlyA = await searchPickerAssets(w.people.onlyA.actor, "PLC-");
    expect(onlyA.map((a) => a.siteCode)).toEqual(["PLA", "PLA"]);
    // Approvers and auditors see assets but may not request changes: nothing to pick.
    expect(await searchPickerAssets(w.people.opsA.actor, "PLC-")).toEqual([]);
    expect(await searchPickerAssets(w.people.auditor.actor, "PLC-")).toEqual([]);
    expect(await searchPickerAssets(w.people.admin.actor, "PLC-")).toEqual([]);
  });

  it("carries every member of a redundancy group so the form can tell when redundancy is lost", async () => {
    const req = w.people.requester.actor;
    const a = await createAsset(req, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "RED-A",
      name: "Pair A",
      kind: "plc",
      criticality: "production_critical",
      redundancyGroup: "PAIR-1",
    });
    const b = await createAsset(req, {
      siteCode: "PLA",
      areaCode: "U1",
      tag: "RED-B",
      name: "Pair B",
      kind: "plc",
      criticality: "production_critical",
      redundancyGroup: "PAIR-1",
    });
    // Same group name at another site is another group.
    await createAsset(req, {
      siteCode: "PLB",
      areaCode: "P1",
      tag: "RED-C",
      name: "Other pair",
      kind: "plc",
      criticality: "supporting",
      redundancyGroup: "PAIR-1",
    });
    const [found] = await searchPickerAssets(req, "RED-A");
    expect(found!.redundancyGroup).toBe("PAIR-1");
    expect(found!.redundancyGroupMembers.sort()).toEqual([a.id, b.id].sort());
  });

  it("loads a change's assets by id, leaving out those the actor cannot see", async () => {
    const ids = [w.assets.plc.id, w.assets.gxp.id, "not-a-uuid"];
    expect((await pickerAssetsByIds(w.people.requester.actor, ids)).map((a) => a.tag)).toEqual([
      "PLC-101",
      "PLC-301",
    ]);
    expect((await pickerAssetsByIds(w.people.onlyA.actor, ids)).map((a) => a.tag)).toEqual(["PLC-101"]);
  });
});

describe("implementer suggestions", () => {
  it("lists active requesters at the sites where the actor may request changes", async () => {
    const list = await implementerCandidates(w.people.onlyA.actor);
    const byEmail = new Map(list.map((c) => [c.email, c]));
    expect(byEmail.get(w.people.implementer.email)?.siteCodes).toEqual(["PLA"]);
    expect(byEmail.has(w.people.opsA.email)).toBe(false);
    expect(
      (await implementerCandidates(w.people.requester.actor)).find(
        (c) => c.email === w.people.implementer.email,
      )?.siteCodes,
    ).toEqual(["PLA", "PLB"]);
    expect(await implementerCandidates(w.people.securityA.actor)).toEqual([]);
  });
});

/** An emergency change on the GxP asset, approved with quality still owed (rules 5 and 7). */
async function approvedEmergency(title: string) {
  const c = await createChange(
    w.people.requester.actor,
    draft(w, [w.assets.gxp.id], { class: "emergency", title }),
  );
  await submitChange(w.people.requester.actor, c.id);
  await sign(w.people.opsB.actor, c.id, "operations");
  await sign(w.people.securityB.actor, c.id, "security");
  return c;
}

describe("overdue retrospective flag", () => {
  it("flags an approved emergency change whose retrospective sign-off is past due, and nothing else", async () => {
    const req = w.people.requester.actor;
    const emergency = await approvedEmergency("Emergency filler patch");
    const approved = await getChange(req, emergency.id);
    expect(approved.state).toBe("approved");
    expect(approved.requiredSignoffs.find((r) => r.role === "quality")).toMatchObject({
      satisfied: false,
      retrospective: true,
    });

    const normal = await createChange(req, draft(w, [w.assets.plcB.id], { title: "Normal capper patch" }));
    const ids = [emergency.id, normal.id];
    expect(await overdueRetrospectiveIds(req, ids)).toEqual(new Set());
    const later = new Date(Date.now() + 73 * HOUR);
    expect(await overdueRetrospectiveIds(req, ids, later)).toEqual(new Set([emergency.id]));
    // Someone who cannot see PLB learns nothing about it.
    expect(await overdueRetrospectiveIds(w.people.onlyA.actor, ids, later)).toEqual(new Set());

    await sign(w.people.qualityB.actor, emergency.id, "quality");
    expect(await overdueRetrospectiveIds(req, ids, later)).toEqual(new Set());
  });

  it("flags a failed emergency change on the dashboard and the list alike, and lets the owed sign-off be given", async () => {
    const req = w.people.requester.actor;
    const c = await approvedEmergency("Emergency filler firmware");
    await startChange(w.people.implementer.actor, c.id);
    const failed = await completeChange(w.people.implementer.actor, c.id, {
      outcome: "failed",
      notes: "Firmware did not verify; controller left on the old image",
    });
    expect(failed.state).toBe("failed");

    const later = new Date(Date.now() + 73 * HOUR);
    const onDashboard = async () =>
      (await changeDashboard(req, later)).overdueRetrospective.some((o) => o.id === c.id);
    expect(await overdueRetrospectiveIds(req, [c.id], later)).toEqual(new Set([c.id]));
    expect(await onDashboard()).toBe(true);
    const inbox = await approvalsInbox(w.people.qualityB.actor, later);
    expect(inbox.find((i) => i.id === c.id)).toMatchObject({ overdue: true, roles: [{ role: "quality" }] });

    await sign(w.people.qualityB.actor, c.id, "quality");
    expect(await overdueRetrospectiveIds(req, [c.id], later)).toEqual(new Set());
    expect(await onDashboard()).toBe(false);
  });
});

describe("approvals inbox", () => {
  it("lists the oldest wait first, also when an instant falls on a whole second", async () => {
    const req = w.people.requester.actor;
    const older = await createChange(req, draft(w, [w.assets.plc.id], { title: "Waiting since :01.000" }));
    const newer = await createChange(req, draft(w, [w.assets.plc.id], { title: "Waiting since :01.500" }));
    await submitChange(req, older.id);
    await submitChange(req, newer.id);
    // As text "…:01Z" sorts after "…:01.500Z": the order must come from the instants.
    const db = await getDb();
    await db
      .update(changes)
      .set({ submittedAt: new Date("2030-01-01T10:00:01.000Z") })
      .where(eq(changes.id, older.id));
    await db
      .update(changes)
      .set({ submittedAt: new Date("2030-01-01T10:00:01.500Z") })
      .where(eq(changes.id, newer.id));
    const ids = (await approvalsInbox(w.people.securityA.actor)).map((i) => i.id);
    expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
  });
});
