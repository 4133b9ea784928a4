import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { proposeSlotsForChange } from "@/lib/services/schedule/propose-slots";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import { createRun } from "@/lib/services/schedule/create-run";
import { createWindow } from "@/lib/services/schedule/create-window";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { insertAsset, insertChange } from "./schedule-helpers";

let db: Db;
let manager: Actor & { userId: string };
let auditor: Actor;
let outsider: Actor;
let ids: Record<string, string> = {};

beforeAll(async () => {
  db = await useTestDatabase();
  const site = await makeSite("CAL", "Europe/Berlin", ["B1", "B2"]);
  await makeSite("CAX", "America/Chicago", ["U1"]);
  manager = (await makeUser(["CAL:change_manager"])).actor as Actor & { userId: string };
  auditor = (await makeUser(["CAL:auditor"])).actor;
  outsider = (await makeUser(["CAX:change_manager"])).actor;
  const [b1, b2] = [site.areas[0]!.id, site.areas[1]!.id];
  const plc = await insertAsset(db, site.id, b1, "PLC-C1", "DUO");
  const twin = await insertAsset(db, site.id, b1, "PLC-C2", "DUO");
  const pump = await insertAsset(db, site.id, b2, "PLC-P1");
  // Saturdays 22:00–04:00 local; in March 2027 CET until the 28th.
  await createWindow(manager, {
    site: "CAL",
    kind: "maintenance",
    title: "Weekend",
    start: "2027-01-02T22:00",
    durationMinutes: 360,
    rrule: "FREQ=WEEKLY;BYDAY=SA",
  });
  await createWindow(manager, {
    site: "CAL",
    kind: "blackout",
    title: "Inspection",
    areas: ["B2"],
    start: "2027-03-13T00:00",
    durationMinutes: 1440,
  });
  await createRun(manager, {
    site: "CAL",
    area: "B1",
    title: "Run 5",
    kind: "run",
    criticality: "critical",
    start: "2027-03-20T00:00",
    end: "2027-03-21T12:00",
  });
  const ok = await insertChange(db, manager.userId, {
    state: "approved",
    start: "2027-03-06T22:00:00Z",
    end: "2027-03-06T23:00:00Z",
    assets: [plc],
  });
  const blocked = await insertChange(db, manager.userId, {
    state: "submitted",
    start: "2027-03-13T21:30:00Z",
    end: "2027-03-13T22:30:00Z",
    assets: [pump],
  });
  const twinned = await insertChange(db, manager.userId, {
    state: "approved",
    start: "2027-03-06T22:30:00Z",
    end: "2027-03-06T23:30:00Z",
    assets: [twin],
  });
  const done = await insertChange(db, manager.userId, {
    state: "closed",
    start: "2027-03-09T10:00:00Z",
    end: "2027-03-09T11:00:00Z",
    assets: [plc],
  });
  await insertChange(db, manager.userId, {
    state: "draft",
    start: "2027-03-10T10:00:00Z",
    end: "2027-03-10T11:00:00Z",
    assets: [plc],
  });
  await insertChange(db, manager.userId, {
    state: "approved",
    start: "2027-05-10T10:00:00Z",
    end: "2027-05-10T11:00:00Z",
    assets: [plc],
  });
  ids = { ok: ok.id, blocked: blocked.id, twinned: twinned.id, done: done.id, plc: plc.id };
});

const MARCH = { site: "CAL", from: "2027-03-01T00:00", to: "2027-04-01T00:00" };

describe("calendarData", () => {
  it("returns occurrences, runs and scheduled changes of the range in one call, in the site zone", async () => {
    const data = await calendarData(auditor, MARCH);
    expect(data.site).toMatchObject({ code: "CAL", timeZone: "Europe/Berlin" });
    expect(data.site.areas.map((a) => a.code)).toEqual(["B1", "B2"]);
    expect(data.from.toISOString()).toBe("2027-02-28T23:00:00.000Z");
    const weekend = data.occurrences.filter((o) => o.title === "Weekend").map((o) => o.start.toISOString());
    // 27 Feb's occurrence runs into 28 Feb 04:00 CET = 03:00Z, before the range starts.
    expect(weekend).toEqual([
      "2027-03-06T21:00:00.000Z",
      "2027-03-13T21:00:00.000Z",
      "2027-03-20T21:00:00.000Z",
      "2027-03-27T21:00:00.000Z",
    ]);
    expect(data.occurrences.find((o) => o.title === "Inspection")).toMatchObject({
      kind: "blackout",
      areaCodes: ["B2"],
    });
    expect(data.productionRuns.map((r) => [r.title, r.areaCode, r.localStart])).toEqual([
      ["Run 5", "B1", "2027-03-20T00:00:00.000+01:00"],
    ]);
    expect(data.changes.map((c) => c.id).sort()).toEqual([ids.ok, ids.blocked, ids.twinned, ids.done].sort());
  });

  it("flags each open change's conflicts with the gate's rules, and none for finished ones", async () => {
    const data = await calendarData(manager, MARCH);
    const byId = new Map(data.changes.map((c) => [c.id, c]));
    // Inside the weekend window (22:30 local), but in the B2 inspection blackout.
    expect(byId.get(ids.blocked!)!.conflicts.map((c) => c.code)).toEqual(["blackout_active"]);
    expect(byId.get(ids.blocked!)).toMatchObject({
      areaCodes: ["B2"],
      assetTags: ["PLC-P1"],
      state: "submitted",
      localStart: "2027-03-13T22:30:00.000+01:00",
    });
    // Both members of DUO are booked 22:30–23:00 by two approved changes: a planning warning, not a block.
    expect(byId.get(ids.ok!)!.conflicts.map((c) => [c.code, c.blocking])).toEqual([
      ["redundancy_lost", false],
    ]);
    expect(byId.get(ids.done!)!.conflicts).toEqual([]);
  });

  it("is 404 for a site the caller cannot see and 422 for a range over 400 days", async () => {
    await expect(calendarData(outsider, MARCH)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      calendarData(manager, { site: "CAL", from: "2027-01-01T00:00", to: "2028-03-01T00:00" }),
    ).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("proposeSlotsForChange", () => {
  it("proposes five slots in windows, avoiding blackouts, runs and other changes", async () => {
    const { slots } = await proposeSlotsForChange(manager, {
      assetIds: [ids.plc!],
      durationMinutes: 120,
      expectedDowntimeMinutes: 60,
      from: "2027-03-01T00:00:00Z",
    });
    expect(slots).toHaveLength(5);
    const starts = slots.map((s) => s.start.toISOString());
    // 6 Mar: an approved change holds PLC-C1 until 23:00Z and its twin until 23:30Z; the
    // assistant avoids even non-blocking clashes, so the first slot starts when both are free.
    expect(starts[0]).toBe("2027-03-06T23:30:00.000Z");
    // 20 Mar 22:00 local overlaps the critical run until 21 Mar 12:00 (downtime), so no slot that night.
    expect(starts.some((s) => s.startsWith("2027-03-20"))).toBe(false);
    for (const s of slots) expect(s.localLabel).toMatch(/CET|CEST/);
  });

  it("uses a saved change's assets and planned duration", async () => {
    const result = await proposeSlotsForChange(manager, {
      changeId: ids.blocked!,
      from: "2027-03-01T00:00:00Z",
    });
    expect(result.durationMinutes).toBe(60);
    expect(result.slots.length).toBeGreaterThanOrEqual(5);
    expect(result.slots.every((s) => !s.start.toISOString().startsWith("2027-03-13"))).toBe(true);
    await expect(proposeSlotsForChange(outsider, { changeId: ids.blocked! })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
