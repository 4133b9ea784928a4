import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ProductionImpact } from "@/lib/domain/constants";
import {
  scheduleConflictsForChange,
  scheduleFindingsForChange,
} from "@/lib/services/schedule/conflicts-for-change";
import { createRun } from "@/lib/services/schedule/create-run";
import { createWindow } from "@/lib/services/schedule/create-window";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { insertAsset, insertChange } from "./schedule-helpers";

let db: Db;
let manager: Actor & { userId: string };
let site: Awaited<ReturnType<typeof makeSite>>;
let plcA: { id: string; siteId: string };
let plcB: { id: string; siteId: string };
let hmi: { id: string; siteId: string };
let utilPlc: { id: string; siteId: string };

// GCR-like site in Chicago; Sunday windows 01:00–05:00 local. In April 2027 (CDT) that is 06:00–10:00Z.
beforeAll(async () => {
  db = await useTestDatabase();
  site = await makeSite("CFX", "America/Chicago", ["U1", "U2"]);
  const u1 = site.areas[0]!.id;
  const u2 = site.areas[1]!.id;
  manager = (await makeUser(["CFX:change_manager"])).actor as Actor & { userId: string };
  plcA = await insertAsset(db, site.id, u1, "PLC-A", "PAIR-1");
  plcB = await insertAsset(db, site.id, u1, "PLC-B", "PAIR-1");
  hmi = await insertAsset(db, site.id, u1, "HMI-1");
  utilPlc = await insertAsset(db, site.id, u2, "PLC-U2");
  await createWindow(manager, {
    site: "CFX",
    kind: "maintenance",
    title: "Sunday window",
    start: "2027-01-03T01:00",
    durationMinutes: 240,
    rrule: "FREQ=WEEKLY;BYDAY=SU",
  });
  await createWindow(manager, {
    site: "CFX",
    kind: "blackout",
    title: "Audit freeze",
    start: "2027-04-18T00:00",
    durationMinutes: 1440,
  });
  await createRun(manager, {
    site: "CFX",
    area: "U1",
    title: "Campaign 7",
    kind: "campaign",
    criticality: "critical",
    start: "2027-04-25T00:00",
    end: "2027-04-26T00:00",
  });
  await createRun(manager, {
    site: "CFX",
    area: "U2",
    title: "Shutdown",
    kind: "turnaround",
    criticality: "normal",
    start: "2027-04-06T00:00",
    end: "2027-04-09T00:00",
  });
});

const slot = (
  start: string,
  end: string,
  assetIds: string[],
  extra: { productionImpact?: ProductionImpact; downtime?: number; id?: string | null } = {},
) => ({
  id: extra.id ?? null,
  plannedStart: new Date(start),
  plannedEnd: new Date(end),
  expectedDowntimeMinutes: extra.downtime ?? 0,
  productionImpact: extra.productionImpact ?? "none",
  assetIds,
});

async function blocking(change: ReturnType<typeof slot>, at?: Date) {
  const d = await getDb();
  return d.transaction((tx) => scheduleConflictsForChange(tx, change, at));
}
const codes = async (change: ReturnType<typeof slot>, at?: Date) =>
  (await blocking(change, at)).map((c) => c.code);

describe("scheduleConflictsForChange", () => {
  it("returns [] when the slot sits inside a window and nothing else is in the way", async () => {
    expect(await blocking(slot("2027-04-04T07:00:00Z", "2027-04-04T09:00:00Z", [plcA.id]))).toEqual([]);
  });

  it("flags outside_window, naming the next window in site time", async () => {
    const found = await blocking(slot("2027-04-05T07:00:00Z", "2027-04-05T09:00:00Z", [plcA.id]));
    expect(found.map((c) => c.code)).toEqual(["outside_window"]);
    expect(found[0]!.message).toMatch(/next window opens Sun 11 Apr 2027 01:00 CDT/);
    // A slot hanging over the end of the window is outside it too.
    expect(await codes(slot("2027-04-04T09:00:00Z", "2027-04-04T11:00:00Z", [plcA.id]))).toEqual([
      "outside_window",
    ]);
  });

  it("counts a turnaround as a window for its area only", async () => {
    expect(await codes(slot("2027-04-07T15:00:00Z", "2027-04-07T17:00:00Z", [utilPlc.id]))).toEqual([]);
    expect(await codes(slot("2027-04-07T15:00:00Z", "2027-04-07T17:00:00Z", [plcA.id]))).toEqual([
      "outside_window",
    ]);
  });

  it("flags blackout_active even inside a window", async () => {
    const found = await blocking(slot("2027-04-18T07:00:00Z", "2027-04-18T09:00:00Z", [hmi.id]));
    expect(found.map((c) => c.code)).toEqual(["blackout_active"]);
    expect(found[0]!.message).toMatch(/Blackout 'Audit freeze' covers Sun 18 Apr 2027 02:00–04:00 CDT/);
  });

  it("flags production_conflict only when the change needs downtime", async () => {
    const s = ["2027-04-25T07:00:00Z", "2027-04-25T09:00:00Z"] as const;
    expect(await codes(slot(...s, [hmi.id]))).toEqual([]);
    expect(await codes(slot(...s, [hmi.id], { downtime: 30 }))).toEqual(["production_conflict"]);
    expect(await codes(slot(...s, [hmi.id], { productionImpact: "outage" }))).toEqual([
      "production_conflict",
    ]);
    // Another area is not affected by the campaign.
    expect(await codes(slot(...s, [utilPlc.id], { downtime: 30 }))).toEqual([]);
  });

  it("flags asset_busy against an in-progress change, and only as a finding against a scheduled one", async () => {
    const s = ["2027-05-02T06:00:00Z", "2027-05-02T08:00:00Z"] as const;
    await insertChange(db, manager.userId, {
      state: "approved",
      start: "2027-05-02T07:00:00Z",
      end: "2027-05-02T09:00:00Z",
      assets: [hmi],
    });
    expect(await codes(slot(...s, [hmi.id]))).toEqual([]);
    const d = await getDb();
    const findings = await scheduleFindingsForChange(d, slot(...s, [hmi.id]));
    expect(findings.map((c) => [c.code, c.blocking])).toEqual([["asset_busy", false]]);
    await insertChange(db, manager.userId, {
      state: "in_progress",
      start: "2027-05-02T06:30:00Z",
      end: "2027-05-02T07:30:00Z",
      assets: [hmi],
    });
    const found = await blocking(slot(...s, [hmi.id]));
    expect(found.map((c) => c.code)).toEqual(["asset_busy"]);
    expect(found[0]!.message).toMatch(/HMI-1.*CHG-TEST-/);
  });

  it("ignores the change itself and changes in other states", async () => {
    const s = ["2027-05-09T06:00:00Z", "2027-05-09T08:00:00Z"] as const;
    const self = await insertChange(db, manager.userId, {
      state: "in_progress",
      start: s[0],
      end: s[1],
      assets: [hmi],
    });
    await insertChange(db, manager.userId, { state: "closed", start: s[0], end: s[1], assets: [hmi] });
    await insertChange(db, manager.userId, { state: "draft", start: s[0], end: s[1], assets: [hmi] });
    expect(await codes(slot(...s, [hmi.id], { id: self.id }))).toEqual([]);
  });

  it("flags redundancy_lost for the second member of a group while the first is under change", async () => {
    const s = ["2027-05-16T06:00:00Z", "2027-05-16T08:00:00Z"] as const;
    await insertChange(db, manager.userId, { state: "in_progress", start: s[0], end: s[1], assets: [plcA] });
    const found = await blocking(slot(...s, [plcB.id]));
    expect(found.map((c) => c.code)).toEqual(["redundancy_lost"]);
    expect(found[0]!.message).toMatch(/Redundancy group 'PAIR-1' would have every member under change/);
    // Taking both members in one change loses redundancy on its own.
    expect(await codes(slot("2027-05-23T06:00:00Z", "2027-05-23T08:00:00Z", [plcA.id, plcB.id]))).toEqual([
      "redundancy_lost",
    ]);
  });

  it("treats an overrunning in-progress change as still holding its assets at the gate", async () => {
    await insertChange(db, manager.userId, {
      state: "in_progress",
      start: "2027-05-30T06:00:00Z",
      end: "2027-05-30T07:00:00Z",
      assets: [utilPlc],
    });
    const later = slot("2027-05-30T08:00:00Z", "2027-05-30T09:00:00Z", [utilPlc.id]);
    expect(await codes(later, new Date("2027-05-30T08:00:00Z"))).toEqual(["asset_busy"]);
    // Judged before the other's slot ended, it is expected to be done in time.
    expect(await codes(later, new Date("2027-05-30T06:30:00Z"))).toEqual([]);
  });

  it("combines several conflicts in gate order", async () => {
    const found = await codes(slot("2027-04-18T12:00:00Z", "2027-04-18T13:00:00Z", [hmi.id]));
    expect(found).toEqual(["outside_window", "blackout_active"]);
  });

  it("returns [] without a slot or assets", async () => {
    const d = await getDb();
    const none = await d.transaction((tx) =>
      scheduleConflictsForChange(tx, {
        id: null,
        plannedStart: null,
        plannedEnd: null,
        expectedDowntimeMinutes: 0,
        productionImpact: "none",
        assetIds: [hmi.id],
      }),
    );
    expect(none).toEqual([]);
    expect(await codes(slot("2027-04-05T07:00:00Z", "2027-04-05T09:00:00Z", []))).toEqual([]);
  });
});
