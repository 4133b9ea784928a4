import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, changes } from "@/db/schema";
import { withClock } from "@/lib/clock";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { getChange } from "@/lib/services/changes/get";
import { listTemporaryOnAsset } from "@/lib/services/changes/list-temporary-on-asset";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { useTestDatabase } from "../db";
import { HOUR, changeWorld, draft, errorOf, sign, type World } from "./changes-helpers";
import { drainJobs, emails, schedule, told } from "./notify-helpers";
import * as changesRoute from "@/app/api/v1/changes/route";
import { formatInZone, formatUtc } from "@/lib/domain/site-time";
import { changeRecordPdf } from "@/lib/pdf/change-record";
import { getChangeRecord } from "@/lib/services/records/get-change-record";
import { createToken } from "@/lib/services/tokens/create-token";
import { call, expectProblem } from "./api-helpers";
import { pdfText } from "../pdf-text";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

const DAY = 24 * HOUR;

/** A firewall rule opened for a vendor's session, temporary until `until`. */
function vendorRule(
  assetId: string,
  until: Date | string | null,
  title = "Open TCP/443 for the vendor session",
) {
  return draft(w, [assetId], {
    type: "firewall_rule",
    title,
    implementationPlan: "Add rule 4711: vendor jump host → PLC, TCP/443.",
    backoutPlan: "Delete rule 4711 and verify the vendor host is blocked.",
    temporaryUntil: until === null ? null : new Date(until).toISOString(),
  });
}

/** Submitted, approved by operations and security, started and completed by the implementer. */
async function approve(id: string) {
  const { requester, opsA, securityA } = w.people;
  await submitChange(requester.actor, id);
  await sign(opsA.actor, id, "operations");
  return sign(securityA.actor, id, "security");
}
async function implement(id: string) {
  await approve(id);
  await startChange(w.people.implementer.actor, id);
  return completeChange(w.people.implementer.actor, id, { outcome: "success", notes: "Rule in place" });
}

describe("temporary changes", () => {
  it("refuses an expiry in the past (or before the planned end) with a plain message, saving nothing", async () => {
    const { requester } = w.people;
    const before = await db.select({ id: changes.id }).from(changes);
    const past = await errorOf(
      createChange(requester.actor, vendorRule(w.assets.plc.id, new Date(Date.now() - HOUR))),
    );
    expect(past.code).toBe("invalid");
    expect(past.message).toMatch(/expiry .* must be in the future/i);
    expect(past.details?.errors).toEqual([expect.objectContaining({ path: "temporaryUntil" })]);
    const early = await errorOf(
      createChange(requester.actor, vendorRule(w.assets.plc.id, new Date(Date.now() + 2 * HOUR))),
    );
    expect(early.message).toMatch(/after the planned end/);
    expect(await db.select({ id: changes.id }).from(changes)).toHaveLength(before.length);
    // Through the API: problem+json naming the field, nothing saved.
    const { token } = await createToken(requester.actor, { name: "api", scopes: ["read", "write"] });
    const res = await call(changesRoute.POST as never, {
      method: "POST",
      path: "/api/v1/changes",
      token,
      body: JSON.stringify(vendorRule(w.assets.plc.id, new Date(Date.now() - HOUR))),
    });
    const problem = await expectProblem(res, 422);
    expect(problem.detail).toBe(
      "The expiry of a temporary change must be in the future. Choose a later date and time.",
    );
    expect(problem.errors).toEqual([{ path: "temporaryUntil", message: problem.detail }]);
    expect(await db.select({ id: changes.id }).from(changes)).toHaveLength(before.length);

    const c = await createChange(
      requester.actor,
      vendorRule(w.assets.plc.id, new Date(Date.now() + 5 * DAY)),
    );
    const edit = await errorOf(
      updateChange(requester.actor, c.id, { temporaryUntil: new Date(Date.now() - DAY) }, c.version),
    );
    expect(edit.message).toMatch(/must be in the future/);
    expect((await getChange(requester.actor, c.id)).temporaryUntil).toBe(c.temporaryUntil);
  });

  it("drafts the revert on completion: backout plan as its plan, same assets, due by the expiry; the asset is temporary until the revert closes", async () => {
    const { requester, implementer, opsA, securityA, boardA } = w.people;
    const until = new Date(Date.now() + 5 * DAY);
    const c = await createChange(requester.actor, vendorRule(w.assets.plc2.id, until));
    expect(c.temporaryUntil).toBe(until.toISOString());
    const done = await implement(c.id);
    expect(done.state).toBe("implemented");
    expect(done.temporary.revert).toMatchObject({ state: "draft" });
    expect(done.temporary.inPlace).toBe(true);

    const revert = await getChange(requester.actor, done.temporary.revert!.id);
    expect(revert).toMatchObject({
      state: "draft",
      type: "firewall_rule",
      class: "normal",
      title: `Revert ${c.number}: Open TCP/443 for the vendor session`,
      implementationPlan: "Delete rule 4711 and verify the vendor host is blocked.",
      assetIds: [w.assets.plc2.id],
      requesterEmail: requester.email,
      implementerEmail: implementer.email,
      temporaryUntil: null,
    });
    expect(revert.temporary.reverts).toEqual({
      id: c.id,
      number: c.number,
      state: "implemented",
      dueBy: until.toISOString(),
    });
    // The change record PDF states the expiry (site time and UTC) and the revert, both ways.
    const pdfOf = async (id: string) =>
      pdfText(await changeRecordPdf(await getChangeRecord(w.people.auditor.actor, id)));
    const untilWords = `${formatInZone(until, "America/Chicago")} (${formatUtc(until)})`;
    const record = await pdfOf(c.id);
    expect(record).toContain(`Temporary: revert by: ${untilWords}`);
    expect(record).toContain(`Revert: ${revert.number} (Draft)`);
    expect(record).toContain("Temporary state: In place on its assets until the revert closes");
    const revertRecord = await pdfOf(revert.id);
    expect(revertRecord).toContain(`Reverts temporary change: ${c.number} (Implemented)`);
    expect(revertRecord).toContain(`Due by (its expiry): ${untilWords}`);
    const [created] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, revert.id), eq(auditEvents.action, "change.create")));
    expect(created!.reason).toMatch(new RegExp(`Revert of the temporary change ${c.number}`));
    expect((created!.after as { revertsChangeId: string }).revertsChangeId).toBe(c.id);

    const onAsset = await listTemporaryOnAsset(requester.actor, w.assets.plc2.id);
    expect(onAsset).toEqual([
      expect.objectContaining({
        id: c.id,
        status: "in_place",
        revert: expect.objectContaining({ id: revert.id }),
      }),
    ]);
    // Not yet within three days of the expiry: not on the dashboard.
    expect((await changeDashboard(boardA.actor)).temporaryExpiring.map((t) => t.id)).not.toContain(c.id);
    const soon = await changeDashboard(boardA.actor, new Date(until.getTime() - 2 * DAY));
    expect(soon.temporaryExpiring.find((t) => t.id === c.id)).toMatchObject({ status: "expiring" });
    const late = await changeDashboard(boardA.actor, new Date(until.getTime() + HOUR));
    expect(late.temporaryExpiring.find((t) => t.id === c.id)).toMatchObject({ status: "expired" });

    // The revert runs like any change; once it closes, the asset is no longer in the temporary state.
    const slot = { plannedStart: new Date(Date.now() - HOUR), plannedEnd: new Date(Date.now() + 3 * HOUR) };
    await updateChange(requester.actor, revert.id, slot, revert.version);
    await submitChange(requester.actor, revert.id);
    await sign(opsA.actor, revert.id, "operations");
    await sign(securityA.actor, revert.id, "security");
    await startChange(implementer.actor, revert.id);
    await completeChange(implementer.actor, revert.id, { outcome: "success", notes: "Rule deleted" });
    expect(await listTemporaryOnAsset(requester.actor, w.assets.plc2.id)).toHaveLength(1);
    await closeChange(implementer.actor, revert.id, {
      securityControlsVerified: true,
      baselineUpdated: true,
    });
    expect(await listTemporaryOnAsset(requester.actor, w.assets.plc2.id)).toEqual([]);
    expect((await getChange(requester.actor, c.id)).temporary.inPlace).toBe(false);
    expect(
      (await changeDashboard(boardA.actor, new Date(until.getTime() + HOUR))).temporaryExpiring.map(
        (t) => t.id,
      ),
    ).not.toContain(c.id);
  });

  it("a permanent change drafts no revert", async () => {
    const c = await createChange(
      w.people.requester.actor,
      vendorRule(w.assets.plcB.id, null, "Permanent rule"),
    );
    await submitChange(w.people.requester.actor, c.id);
    await sign(w.people.opsB.actor, c.id, "operations");
    await sign(w.people.securityB.actor, c.id, "security");
    await startChange(w.people.implementer.actor, c.id);
    const done = await completeChange(w.people.implementer.actor, c.id, { outcome: "success", notes: "" });
    expect(done.temporary).toEqual({
      revert: null,
      reverts: null,
      inPlace: false,
      expiresAt: null,
      extension: null,
      extendRefusal: "Only a temporary change has an expiry to extend.",
    });
    expect(await db.select().from(changes).where(eq(changes.revertsChangeId, c.id))).toEqual([]);
  });

  it("extending the expiry is an edit of the signed content: every sign-off is superseded and the change needs them again", async () => {
    const { requester, opsA, securityA } = w.people;
    const until = new Date(Date.now() + 5 * DAY);
    const c = await createChange(
      requester.actor,
      vendorRule(w.assets.plc.id, until, "Proof-test bypass window"),
    );
    const approved = await approve(c.id);
    expect(approved.state).toBe("approved");
    const extended = await updateChange(
      requester.actor,
      c.id,
      { temporaryUntil: new Date(until.getTime() + 7 * DAY) },
      approved.version,
    );
    expect(extended.state).toBe("submitted");
    expect(extended.contentHash).not.toBe(approved.contentHash);
    expect(extended.signoffs.map((s) => [s.role, s.superseded])).toEqual([
      ["operations", true],
      ["security", true],
    ]);
    const superseded = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, c.id), eq(auditEvents.action, "signoff.supersede")));
    expect(superseded).toHaveLength(2);
    expect(superseded[0]!.reason).toMatch(/approved content \(temporary until\)/);
    // The same sign-offs as the original approve it again.
    await sign(opsA.actor, c.id, "operations");
    expect((await sign(securityA.actor, c.id, "security")).state).toBe("approved");
  });

  it("comes due across a DST change: the warning three local days ahead keeps the plant's wall-clock time", async () => {
    const { requester, implementer, boardA } = w.people;
    // PLA is America/Chicago; DST starts Sun 14 Mar 2027. Expiry Tue 16 Mar 09:00 CDT = 14:00 UTC,
    // so the warning is Sat 13 Mar 09:00 CST = 15:00 UTC (72 hours earlier would be 14:00 UTC).
    const until = new Date("2027-03-16T14:00:00Z");
    const c = await createChange(
      requester.actor,
      vendorRule(w.assets.sis.id, until, "SIS bypass for proof test"),
    );
    await submitChange(requester.actor, c.id);
    await sign(w.people.opsA.actor, c.id, "operations");
    await sign(w.people.securityA.actor, c.id, "security");
    await sign(w.people.safetyA.actor, c.id, "safety");
    await startChange(implementer.actor, c.id);
    const done = await completeChange(implementer.actor, c.id, { outcome: "success", notes: "" });
    expect(done.state).toBe("pssr_pending");
    expect(done.temporary.revert).not.toBeNull();
    await drainJobs(db);

    const at = (iso: string) => new Date(iso);
    await schedule(db, at("2027-03-13T14:30:00Z"));
    expect(await told(db, "temporary_expiring", c.id)).toEqual([]);
    const statusAt = (iso: string) =>
      withClock(
        () => at(iso),
        async () =>
          (await listTemporaryOnAsset(requester.actor, w.assets.sis.id)).find((t) => t.id === c.id)?.status,
      );
    expect(await statusAt("2027-03-13T14:30:00Z")).toBe("in_place");
    expect(await statusAt("2027-03-13T15:00:00Z")).toBe("expiring");

    await schedule(db, at("2027-03-13T15:00:00Z"));
    await schedule(db, at("2027-03-14T15:00:00Z"));
    const managers = await told(db, "temporary_expiring", c.id);
    expect(managers).toContain(implementer.email);
    expect(managers).toContain(boardA.email);
    expect(managers).not.toContain(requester.email);
    expect(managers.filter((e) => e === implementer.email)).toHaveLength(1);

    await schedule(db, at("2027-03-16T13:59:00Z"));
    expect(await told(db, "temporary_expired", c.id)).toEqual([]);
    await schedule(db, at("2027-03-16T14:00:00Z"));
    expect(await told(db, "temporary_expired", c.id)).toEqual(
      expect.arrayContaining(emails(implementer, boardA)),
    );
    expect(await statusAt("2027-03-16T14:00:00Z")).toBe("expired");
  });
});
