import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { mailMessages, notifications } from "@/db/schema";
import { cancelChange } from "@/lib/services/changes/cancel";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { setNotificationPreference } from "@/lib/services/notifications/set-preference";
import { createWindow } from "@/lib/services/schedule/create-window";
import { useTestDatabase } from "../db";
import { CHECKED_IMAGE, HOUR, changeWorld, draft, sign, type World } from "./changes-helpers";
import { deadJobs, drainJobs, emails, mailsTo, schedule, told } from "./notify-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

describe("change events reach exactly the people who act on them", () => {
  it("a submission asks every approver who may sign it, and nobody else", async () => {
    const { requester, opsA, securityA, opsAndSecurity, onlyA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
    await submitChange(requester.actor, c.id);
    // Queued in the submit's transaction, delivered only by the worker.
    expect(await told(db, "signoff_needed", c.id)).toEqual([]);
    await drainJobs(db);
    expect(await told(db, "signoff_needed", c.id)).toEqual(emails(opsA, securityA, opsAndSecurity, onlyA));
  });

  it("a safety-relevant change also asks safety; an edit that supersedes sign-offs asks again", async () => {
    const { requester, implementer, opsA, securityA, opsAndSecurity, onlyA, safetyA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.sis.id]));
    await submitChange(requester.actor, c.id);
    await drainJobs(db);
    const asked = emails(opsA, securityA, opsAndSecurity, onlyA, safetyA);
    expect(await told(db, "signoff_needed", c.id)).toEqual(asked);

    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    const { version } = await getChange(requester.actor, c.id);
    const view = await updateChange(
      requester.actor,
      c.id,
      { implementationPlan: "Flash, then verify twice." },
      version,
    );
    expect(view.signoffs.filter((s) => s.superseded)).toHaveLength(2);
    await drainJobs(db);
    // Everyone who may sign the edited content is asked again: one more notification each.
    const rows = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.kind, "signoff_needed"), eq(notifications.objectId, c.id)));
    expect(rows).toHaveLength(asked.length * 2);
    expect(await told(db, "signoff_needed", c.id)).not.toContain(implementer.email);
  });

  it("approval tells the requester and implementer; a refused start tells the one who did not try", async () => {
    const { requester, implementer, opsA, securityA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc2.id]));
    await submitChange(requester.actor, c.id);
    await startChange(implementer.actor, c.id).catch(() => {});
    await drainJobs(db);
    expect(await told(db, "gate_refused", c.id)).toEqual(emails(requester));
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    await drainJobs(db);
    expect(await told(db, "change_approved", c.id)).toEqual(emails(requester, implementer));
    await cancelChange(requester.actor, c.id, { reason: "Superseded by a vendor hotfix" });
    await drainJobs(db);
    expect(await deadJobs(db)).toEqual([]);
  });

  it("a rejection tells the requester and the implementer", async () => {
    const { requester, implementer, opsA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id], { title: "Rejected one" }));
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations", { decision: "reject", comment: "Not during the campaign" });
    await drainJobs(db);
    expect(await told(db, "change_rejected", c.id)).toEqual(emails(requester, implementer));
  });

  it("a safety change implemented asks safety for the PSSR", async () => {
    const { requester, implementer, opsA, securityA, safetyA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.sis.id], { title: "SIS patch" }));
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    await sign(safetyA.actor, c.id, "safety");
    await startChange(implementer.actor, c.id);
    // A patch is reported successful only with its integrity check (CIP-010 R1.6).
    await completeChange(implementer.actor, c.id, {
      outcome: "success",
      notes: "",
      integrity: CHECKED_IMAGE,
    });
    await drainJobs(db);
    expect(await told(db, "pssr_pending", c.id)).toEqual(emails(safetyA));
  });
});

describe("reminders from the data, with time as a parameter", () => {
  it("an emergency change's retrospective sign-off: due in 24 h to who owes it, overdue also to change managers, once", async () => {
    const { requester, opsB, securityB, qualityB } = w.people;
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.gxp.id], { class: "emergency", title: "Emergency filler fix" }),
    );
    await submitChange(requester.actor, c.id);
    await sign(opsB.actor, c.id, "operations");
    const approved = await sign(securityB.actor, c.id, "security");
    expect(approved.state).toBe("approved");
    const approvedAt = Date.now();
    await drainJobs(db);
    await schedule(db, new Date(approvedAt + 47 * HOUR));
    expect(await told(db, "retrospective_due", c.id)).toEqual([]);
    await schedule(db, new Date(approvedAt + 49 * HOUR));
    await schedule(db, new Date(approvedAt + 50 * HOUR));
    expect(await told(db, "retrospective_due", c.id)).toEqual(emails(qualityB));
    expect(
      (await mailsTo(db, [qualityB.email])).filter((m) => m.subject.includes("due within")),
    ).toHaveLength(1);
    await schedule(db, new Date(approvedAt + 73 * HOUR));
    await schedule(db, new Date(approvedAt + 74 * HOUR));
    const overdue = await told(db, "retrospective_overdue", c.id);
    expect(overdue).toContain(qualityB.email);
    expect(overdue.length).toBeGreaterThan(1);
    expect(overdue).not.toContain(requester.email);
    expect((await mailsTo(db, [qualityB.email])).filter((m) => m.subject.includes("overdue"))).toHaveLength(
      1,
    );
  });

  it("the implementer hears 24 hours before the slot, with the gate's answer and an .ics", async () => {
    const { requester, implementer, opsA, securityA } = w.people;
    const start = Date.now() + 10 * HOUR;
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.plc.id], {
        title: "Tomorrow's patch",
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + 2 * HOUR).toISOString(),
      }),
    );
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    await drainJobs(db);
    await schedule(db, new Date());
    await schedule(db, new Date(Date.now() + 60_000));
    expect(await told(db, "slot_opening", c.id)).toEqual(emails(implementer));
    const mails = (await mailsTo(db, [implementer.email])).filter((m) => m.subject.includes("opens for you"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/gate would refuse a start now: .*slot/i);
    expect(mails[0]!.text).toMatch(/C[DS]T/);
    expect(mails[0]!.ics).toContain("BEGIN:VEVENT");
    expect(mails[0]!.state).toBe("outbox");
  });
});

describe("preferences", () => {
  it("in-app only sends no mail; e-mail queues one; digest collects them into one daily mail", async () => {
    const { requester, implementer, opsA, securityA } = w.people;
    await setNotificationPreference(requester.actor, { kind: "change_approved", channel: "email" });
    await setNotificationPreference(implementer.actor, { kind: "change_approved", channel: "digest" });
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.plc2.id], { title: "Preference check" }),
    );
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    await drainJobs(db);
    const approvedMail = (to: string) =>
      db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.to, to))
        .then((rows) => rows.filter((m) => m.subject.includes(c.number)));
    expect(await approvedMail(requester.email)).toHaveLength(1);
    expect(await approvedMail(implementer.email)).toHaveLength(0);
    const tomorrow = new Date(Date.now() + 24 * HOUR);
    tomorrow.setUTCHours(7);
    await schedule(db, tomorrow);
    await schedule(db, new Date(tomorrow.getTime() + HOUR));
    const digests = (await mailsTo(db, [implementer.email])).filter((m) =>
      m.subject.startsWith("Interlock:"),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain(c.number);
  });
});

describe("a blackout declared over an approved slot", () => {
  // Last in the file: the blackout closes area U2 of PLA for the tests above.
  it("tells the requester, the implementer and the site's change managers, once", async () => {
    const { requester, implementer, opsA, securityA, safetyA, boardA } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.sis.id], { title: "Blocked later" }));
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations");
    await sign(securityA.actor, c.id, "security");
    expect((await sign(safetyA.actor, c.id, "safety")).state).toBe("approved");
    await drainJobs(db);
    await schedule(db, new Date());
    expect(await told(db, "schedule_conflict", c.id)).toEqual([]);
    await createWindow(boardA.actor, {
      siteCode: "PLA",
      kind: "blackout",
      title: "Turnaround freeze",
      areaCodes: ["U2"],
      start: new Date(Math.floor(Date.now() / 60_000) * 60_000 - HOUR).toISOString(),
      durationMinutes: 24 * 60,
    });
    await schedule(db, new Date());
    await schedule(db, new Date(Date.now() + 60_000));
    const toldNow = await told(db, "schedule_conflict", c.id);
    expect(toldNow).toEqual(expect.arrayContaining(emails(requester, implementer, boardA)));
    expect(toldNow).not.toContain(opsA.email);
    expect(new Set(toldNow).size).toBe(toldNow.length);
  });
});
