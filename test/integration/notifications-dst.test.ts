import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { jobs, notifications } from "@/db/schema";
import { withClock } from "@/lib/clock";
import { DUE_FINDERS } from "@/lib/jobs/handlers";
import { runScheduler } from "@/lib/jobs/scheduler";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { createWindow } from "@/lib/services/schedule/create-window";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { CHECKED_IMAGE, HOUR, changeWorld, draft, sign, type World } from "./changes-helpers";
import { drainJobs } from "./notify-helpers";

// Reminders come due on the right instant across both of Chicago's 2027 clock changes (14 March,
// 02:00 CST -> 03:00 CDT; 7 November, 02:00 CDT -> 01:00 CST), through the real scheduler and
// worker with time as a parameter. The slot reminder is 24 real hours before the start; the
// baseline reminder 25 calendar days after implementation at the same local time.

let db: Db;
let w: World;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  const manager = await makeUser(["PLA:change_manager"]);
  // Maintenance windows around each slot below (the gate and submission check them).
  for (const start of [
    "2027-02-24T00:00:00Z",
    "2027-03-10T00:00:00Z",
    "2027-10-18T00:00:00Z",
    "2027-11-04T00:00:00Z",
  ])
    await createWindow(manager.actor, {
      site: "PLA",
      kind: "maintenance",
      title: "DST test window",
      start,
      durationMinutes: 6 * 24 * 60,
    });
}, 180_000);

/** A change approved at `approvedAt` (the clock set there) for the slot `start` .. +2 h. */
async function approvedChange(title: string, approvedAt: Date, start: Date) {
  const { requester, opsA, securityA } = w.people;
  return withClock(
    () => approvedAt,
    async () => {
      const c = await createChange(
        requester.actor,
        draft(w, [w.assets.plc.id], {
          title,
          plannedStart: start.toISOString(),
          plannedEnd: new Date(start.getTime() + 2 * HOUR).toISOString(),
        }),
      );
      await submitChange(requester.actor, c.id);
      await sign(opsA.actor, c.id, "operations");
      expect((await sign(securityA.actor, c.id, "security")).state).toBe("approved");
      return c;
    },
  );
}

/** The reminder job the scheduler queued for this change (kind and change in its idempotency key). */
async function reminderJob(kind: string, changeId: string) {
  return db
    .select()
    .from(jobs)
    .where(like(jobs.idempotencyKey, `reminder:${kind}:${changeId}:%`));
}

async function toldOf(kind: "slot_opening" | "baseline_overdue", changeId: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.objectId, changeId)));
}

/** Runs the scheduler a second before `due` (nothing) and at it (the job, run at once), as the poller. */
async function expectDueExactlyAt(kind: "slot_opening" | "baseline_overdue", changeId: string, due: Date) {
  await runScheduler(db, DUE_FINDERS, new Date(due.getTime() - 1000));
  await drainJobs(db, new Date(due.getTime() - 1000));
  expect(await reminderJob(kind, changeId)).toEqual([]);
  expect(await toldOf(kind, changeId)).toEqual([]);

  await runScheduler(db, DUE_FINDERS, due);
  const [job] = await reminderJob(kind, changeId);
  expect(job?.runAt.toISOString()).toBe(due.toISOString());
  expect(job?.state).toBe("queued");
  await drainJobs(db, due);
  const [done] = await reminderJob(kind, changeId);
  expect(done?.state).toBe("done");
  const told = await toldOf(kind, changeId);
  expect(told.length).toBeGreaterThan(0);
  for (const n of told) expect(n.createdAt.toISOString()).toBe(due.toISOString());
  // A later pass finds the same reminder and adds nothing.
  await runScheduler(db, DUE_FINDERS, new Date(due.getTime() + HOUR));
  await drainJobs(db, new Date(due.getTime() + HOUR));
  expect(await reminderJob(kind, changeId)).toHaveLength(1);
  expect(await toldOf(kind, changeId)).toHaveLength(told.length);
  return told;
}

describe("slot reminders: 24 real hours before the start, across a DST change", () => {
  it("spring: a start at 10:00 CDT on 14 March is announced at 09:00 CST on 13 March", async () => {
    const start = at("2027-03-14T15:00:00Z");
    const c = await approvedChange("Spring slot", at("2027-03-10T12:00:00Z"), start);
    const [n] = await expectDueExactlyAt("slot_opening", c.id, at("2027-03-13T15:00:00Z"));
    expect(n!.userId).toBe(w.people.implementer.id);
    expect(n!.dueAt?.toISOString()).toBe(start.toISOString());
    expect(n!.body).toContain("14 Mar 2027, 10:00 CDT");
  });

  it("autumn: a start at 09:00 CST on 7 November is announced at 10:00 CDT on 6 November", async () => {
    const start = at("2027-11-07T15:00:00Z");
    const c = await approvedChange("Autumn slot", at("2027-11-04T12:00:00Z"), start);
    const [n] = await expectDueExactlyAt("slot_opening", c.id, at("2027-11-06T15:00:00Z"));
    expect(n!.dueAt?.toISOString()).toBe(start.toISOString());
    expect(n!.body).toContain("7 Nov 2027, 09:00 CST");
  });
});

describe("baseline reminders: 25 calendar days after implementation, same local time", () => {
  /** Approved, started in its slot and completed successfully at `end` (the clock set at each step). */
  async function implemented(title: string, start: Date, end: Date) {
    const c = await approvedChange(title, new Date(start.getTime() - 24 * HOUR), start);
    const { implementer } = w.people;
    await withClock(
      () => new Date(start.getTime() + 60_000),
      () => startChange(implementer.actor, c.id),
    );
    await withClock(
      () => end,
      () =>
        completeChange(implementer.actor, c.id, { outcome: "success", notes: "", integrity: CHECKED_IMAGE }),
    );
    return c;
  }

  it("spring: done 25 Feb 09:00 CST, reminded 22 March 09:00 CDT (14:00Z, not 15:00Z)", async () => {
    const c = await implemented("Spring baseline", at("2027-02-25T13:00:00Z"), at("2027-02-25T15:00:00Z"));
    const told = await expectDueExactlyAt("baseline_overdue", c.id, at("2027-03-22T14:00:00Z"));
    expect(told.map((n) => n.userId).sort()).toEqual([w.people.requester.id, w.people.implementer.id].sort());
  });

  it("autumn: done 20 Oct 09:00 CDT, reminded 14 November 09:00 CST (15:00Z, not 14:00Z)", async () => {
    const c = await implemented("Autumn baseline", at("2027-10-20T12:00:00Z"), at("2027-10-20T14:00:00Z"));
    await expectDueExactlyAt("baseline_overdue", c.id, at("2027-11-14T15:00:00Z"));
  });
});
