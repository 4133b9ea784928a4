import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { withClock } from "@/lib/clock";
import type { NotificationKind } from "@/lib/domain/notifications/kinds";
import { runScheduler } from "@/lib/jobs/scheduler";
import { DUE_FINDERS } from "@/lib/jobs/handlers";
import { decideApplicability } from "@/lib/services/advisories/decide-applicability";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";
import { createAsset } from "@/lib/services/assets/create";
import { listNotificationPreferences } from "@/lib/services/notifications/list-preferences";
import { setNotificationPreference } from "@/lib/services/notifications/set-preference";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { csaf } from "./advisories-helpers";
import { drainJobs, emails, mailsTo, schedule } from "./notify-helpers";

// CIP-007 R2 reminders (issue 13, item 2) with time as a parameter. The advisory is imported on
// 20 Feb 2027 15:00Z; its 35-day decision clock runs on each plant's calendar, so it falls due on
// 27 Mar at 09:00 CDT (14:00Z) in Chicago, after the US spring change, and at 16:00 CET (15:00Z)
// in Berlin, the day before Europe's. The reminders come 7 calendar days earlier, at the same local time.
const IMPORTED = new Date("2027-02-20T15:00:00Z");
const at = (iso: string) => new Date(iso);

let db: Db;
let advisoryId: string;
type Person = Awaited<ReturnType<typeof makeUser>>;
let p: Record<"secA" | "cmA" | "both" | "secB" | "reqA" | "opsA" | "secC" | "builder", Person>;
let siteA: string, siteB: string;

/** Who got a notification of this kind about the advisory at this site (one entry per notification). */
async function toldAt(kind: NotificationKind, siteId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        eq(notifications.kind, kind),
        eq(notifications.objectId, advisoryId),
        eq(notifications.siteId, siteId),
      ),
    );
  return rows.map((r) => r.email).sort();
}

/** Berlin's security approver decides applicability at `iso`. */
const decideBerlin = (iso: string, applicable: boolean, reason: string) =>
  withClock(
    () => at(iso),
    () => decideApplicability(p.secB.actor, advisoryId, { siteCode: "ADB", applicable, reason }),
  );

beforeAll(async () => {
  db = await useTestDatabase();
  siteA = (await makeSite("ADA", "America/Chicago")).id;
  siteB = (await makeSite("ADB", "Europe/Berlin")).id;
  await makeSite("ADC", "America/Chicago");
  p = {
    secA: await makeUser(["ADA:security"]),
    cmA: await makeUser(["ADA:change_manager"]),
    both: await makeUser(["ADA:security", "ADB:change_manager"]),
    secB: await makeUser(["ADB:security"]),
    reqA: await makeUser(["ADA:requester"]),
    opsA: await makeUser(["ADA:operations", "ADB:operations"]),
    secC: await makeUser(["ADC:security"]),
    builder: await makeUser(["ADA:requester", "ADB:requester", "ADC:requester"]),
  };
  const pi = { kind: "historian", criticality: "supporting", vendor: "AVEVA", product: "PI Server" } as const;
  await createAsset(p.builder.actor, {
    ...pi,
    siteCode: "ADA",
    tag: "HIS-ADA-PI",
    name: "PI",
    version: "2023",
  });
  await createAsset(p.builder.actor, {
    ...pi,
    siteCode: "ADB",
    tag: "HIS-ADB-PI",
    name: "PI",
    version: "2018 SP3 Patch 5",
  });
  // ADC's only asset is another vendor's: the advisory touches nothing there.
  await createAsset(p.builder.actor, {
    siteCode: "ADC",
    tag: "PLC-ADC-1",
    name: "PLC",
    kind: "plc",
    criticality: "supporting",
    vendor: "Siemens",
    product: "SIMATIC S7-1500",
    version: "3.1",
  });
  const imported = await withClock(
    () => IMPORTED,
    () => importAdvisory(p.both.actor, csaf("icsa-24-018-01")),
  );
  advisoryId = imported.advisory.id;
  expect(
    imported.matches
      .filter((m) => m.status !== "not_affected")
      .map((m) => m.siteCode)
      .sort(),
  ).toEqual(["ADA", "ADB"]);
}, 180_000);

describe("advisory CIP-007 reminders", () => {
  it("are offered on the preferences page", async () => {
    const kinds = (await listNotificationPreferences(p.secA.actor)).map((x) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(["advisory_due", "advisory_overdue"]));
  });

  it("7 days before each site's decision is due, its security approvers and change managers hear, once", async () => {
    await setNotificationPreference(p.secA.actor, { kind: "advisory_due", channel: "email" });
    await schedule(db, at("2027-03-20T13:59:59Z"));
    expect(await toldAt("advisory_due", siteA)).toEqual([]);
    // 20 Mar 09:00 CDT in Chicago; Berlin (still CET) is an hour later in UTC.
    await schedule(db, at("2027-03-20T14:00:00Z"));
    expect(await toldAt("advisory_due", siteA)).toEqual(emails(p.secA, p.cmA, p.both));
    expect(await toldAt("advisory_due", siteB)).toEqual([]);
    await schedule(db, at("2027-03-20T15:00:00Z"));
    await schedule(db, at("2027-03-20T15:01:00Z"));
    await schedule(db, at("2027-03-23T08:00:00Z"));
    expect(await toldAt("advisory_due", siteA)).toEqual(emails(p.secA, p.cmA, p.both));
    expect(await toldAt("advisory_due", siteB)).toEqual(emails(p.secB, p.both));
    const mail = (await mailsTo(db, [p.secA.email])).filter((m) => m.subject.includes("due in 7 days"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("27 Mar 2027, 09:00 CDT");
    expect(mail[0]!.text).toContain(`/advisories/${advisoryId}`);
    // In-app by default: nobody else is mailed for the 7-day notice.
    expect((await mailsTo(db, [p.cmA.email, p.both.email, p.secB.email])).length).toBe(0);
    for (const who of [p.reqA, p.opsA, p.secC, p.builder])
      expect((await db.select().from(notifications).where(eq(notifications.userId, who.id))).length).toBe(0);
  });

  it("overdue at the site still undecided, once; a decision moves the other site's clock and its reminders", async () => {
    // Berlin decides on 22 Mar 11:00 CET: its fix-or-plan clock now runs to 26 Apr 11:00 CEST (09:00Z).
    await decideBerlin("2027-03-22T10:00:00Z", true, "PI in use");
    await schedule(db, at("2027-03-27T13:59:00Z"));
    expect(await toldAt("advisory_overdue", siteA)).toEqual([]);
    await schedule(db, at("2027-03-27T14:00:00Z"));
    await schedule(db, at("2027-03-27T15:00:00Z"));
    await schedule(db, at("2027-03-28T15:00:00Z"));
    expect(await toldAt("advisory_overdue", siteA)).toEqual(emails(p.secA, p.cmA, p.both));
    expect(await toldAt("advisory_overdue", siteB)).toEqual([]);
    // Overdue is mailed by default: one mail each, however often the scheduler ran.
    for (const who of [p.secA, p.cmA])
      expect((await mailsTo(db, [who.email])).filter((m) => m.subject.includes("overdue"))).toHaveLength(1);

    await schedule(db, at("2027-04-19T08:59:00Z"));
    expect(await toldAt("advisory_due", siteB)).toEqual(emails(p.secB, p.both));
    await schedule(db, at("2027-04-19T09:00:00Z"));
    await schedule(db, at("2027-04-19T12:00:00Z"));
    // A second 7-day notice at Berlin, about the fix or plan (a new due instant).
    expect(await toldAt("advisory_due", siteB)).toEqual(emails(p.both, p.both, p.secB, p.secB).sort());
    const [latest] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, p.secB.id), eq(notifications.kind, "advisory_due")))
      .orderBy(notifications.createdAt)
      .then((rows) => rows.slice(-1));
    expect(latest!.dueAt?.toISOString()).toBe("2027-04-26T09:00:00.000Z");
    expect(latest!.title).toMatch(/fix or mitigation plan at ADB is due in 7 days/);
    expect(await toldAt("advisory_overdue", siteA)).toHaveLength(3);
  });

  it("a reminder queued before the step was settled is not sent", async () => {
    // The scheduler queues Berlin's overdue reminder; the site decides it does not apply before it runs.
    const pass = await runScheduler(db, DUE_FINDERS, at("2027-04-26T09:00:00Z"));
    expect(pass.enqueued).toBeGreaterThan(0);
    await decideBerlin("2027-04-26T09:00:30Z", false, "The PI server is decommissioned");
    await drainJobs(db, at("2027-04-26T09:01:00Z"));
    await schedule(db, at("2027-04-26T10:00:00Z"));
    expect(await toldAt("advisory_overdue", siteB)).toEqual([]);
  });
});
