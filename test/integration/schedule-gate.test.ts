// The deployment gate with the scheduling rules behind it: each refusal is set up the way it
// happens in a plant, by the schedule changing after the change was approved.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { createRun } from "@/lib/services/schedule/create-run";
import { createWindow } from "@/lib/services/schedule/create-window";
import { deleteWindow } from "@/lib/services/schedule/delete-window";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { patchInput, plcAt } from "./schedule-helpers";
import { errorOf, sign } from "./changes-helpers";

const HOUR = 3_600_000;
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

let requester: Actor, implementer: Actor & { email: string }, ops: Actor, security: Actor, manager: Actor;
let implementerEmail: string;
let tags: Record<string, string>;
let narrowWindowId: string;

beforeAll(async () => {
  await useTestDatabase();
  await makeSite("GTE", "America/Chicago", ["U1", "U2", "U3", "U4", "U5"]);
  requester = (await makeUser(["GTE:requester"])).actor;
  const impl = await makeUser(["GTE:requester"]);
  implementer = impl.actor as Actor & { email: string };
  implementerEmail = impl.email;
  ops = (await makeUser(["GTE:operations"])).actor;
  security = (await makeUser(["GTE:security"])).actor;
  manager = (await makeUser(["GTE:change_manager"])).actor;
  const asset = (tag: string, areaCode: string, redundancyGroup?: string) =>
    plcAt(requester, "GTE", areaCode, tag, redundancyGroup);
  tags = {
    clear: await asset("PLC-CLEAR", "U1"),
    outside: await asset("PLC-OUT", "U2"),
    blackout: await asset("PLC-BLK", "U3"),
    busy: await asset("PLC-BUSY", "U1"),
    pairA: await asset("PLC-RA", "U4", "PAIR-4"),
    pairB: await asset("PLC-RB", "U4", "PAIR-4"),
    pairC: await asset("PLC-RC", "U4", "PAIR-5"),
    pairD: await asset("PLC-RD", "U4", "PAIR-5"),
    production: await asset("PLC-PRD", "U5"),
  };
  const start = minute(Date.now() - 2 * 24 * HOUR);
  await createWindow(manager, {
    site: "GTE",
    kind: "maintenance",
    title: "Week window",
    areas: ["U1", "U3", "U4", "U5"],
    start,
    durationMinutes: 7 * 24 * 60,
  });
  narrowWindowId = (
    await createWindow(manager, {
      site: "GTE",
      kind: "maintenance",
      title: "U2 window",
      areas: ["U2"],
      start,
      durationMinutes: 7 * 24 * 60,
    })
  ).id;
});

function input(assetIds: string[], extra: Partial<CreateChangeInput> = {}): CreateChangeInput {
  return patchInput(assetIds, implementerEmail, Date.now() - HOUR, extra);
}

async function approved(assetIds: string[], extra: Partial<CreateChangeInput> = {}) {
  const c = await createChange(requester, input(assetIds, extra));
  await submitChange(requester, c.id);
  await sign(ops, c.id, "operations");
  const v = await sign(security, c.id, "security");
  expect(v.state).toBe("approved");
  return c.id;
}

async function refusal(id: string) {
  const e = await errorOf(startChange(implementer, id));
  expect(e.code).toBe("gate_refused");
  return (e.details.reasons ?? []) as { code: string; message: string }[];
}

describe("deployment gate with the schedule", () => {
  it("allows the start when all is clear", async () => {
    const id = await approved([tags.clear!]);
    expect((await evaluateGateFor(implementer, id)).allowed).toBe(true);
    expect((await startChange(implementer, id)).state).toBe("in_progress");
  });

  it("refuses outside a maintenance window", async () => {
    const id = await approved([tags.outside!]);
    await deleteWindow(manager, narrowWindowId, { reason: "Unit U2 back in production" });
    const reasons = await refusal(id);
    expect(reasons.map((r) => r.code)).toEqual(["outside_window"]);
    expect(reasons[0]!.message).toMatch(/Outside maintenance window for PLC-OUT at GTE/);
  });

  it("refuses inside a blackout", async () => {
    const id = await approved([tags.blackout!]);
    await createWindow(manager, {
      site: "GTE",
      kind: "blackout",
      title: "Emergency freeze",
      areas: ["U3"],
      start: minute(Date.now() - 2 * HOUR),
      durationMinutes: 12 * 60,
    });
    const reasons = await refusal(id);
    expect(reasons.map((r) => r.code)).toEqual(["blackout_active"]);
    expect(reasons[0]!.message).toMatch(/Blackout 'Emergency freeze'/);
  });

  it("refuses on an asset busy with another change in progress", async () => {
    const first = await approved([tags.busy!]);
    const second = await approved([tags.busy!]);
    await startChange(implementer, first);
    const reasons = await refusal(second);
    // One refusal for one clash: the gate and the scheduling rules both see it, it is listed once.
    expect(reasons.map((r) => r.code)).toEqual(["asset_busy"]);
  });

  it("refuses the second member of a redundancy group while the first is under change", async () => {
    const a = await approved([tags.pairA!]);
    const b = await approved([tags.pairB!]);
    await startChange(implementer, a);
    const reasons = await refusal(b);
    expect(reasons.map((r) => r.code)).toEqual(["redundancy_lost"]);
    expect(reasons[0]!.message).toMatch(/Redundancy group 'PAIR-4'/);
  });

  it("two concurrent starts on the two members of one pair: exactly one passes", async () => {
    const c = await approved([tags.pairC!]);
    const d = await approved([tags.pairD!]);
    const results = await Promise.allSettled([startChange(implementer, c), startChange(implementer, d)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "gate_refused" });
    const reasons = (refused.reason as { details: { reasons: { code: string }[] } }).details.reasons;
    expect(reasons.map((r) => r.code)).toContain("redundancy_lost");
  });

  it("refuses downtime during a critical production run in the area", async () => {
    const id = await approved([tags.production!], {
      expectedDowntimeMinutes: 30,
      productionImpact: "outage",
    });
    await createRun(manager, {
      site: "GTE",
      area: "U5",
      title: "Critical batch",
      kind: "batch",
      criticality: "critical",
      start: minute(Date.now() - 3 * HOUR),
      end: minute(Date.now() + 10 * HOUR),
    });
    const reasons = await refusal(id);
    expect(reasons.map((r) => r.code)).toEqual(["production_conflict"]);
    expect(reasons[0]!.message).toMatch(/Critical production run 'Critical batch'/);
  });

  it("refuses to submit a slot with blocking conflicts, listing them", async () => {
    await createWindow(manager, {
      site: "GTE",
      kind: "blackout",
      title: "Submit freeze",
      areas: ["U1"],
      start: minute(Date.now() + 2 * HOUR),
      durationMinutes: 60,
    });
    const c = await createChange(requester, input([tags.clear!]));
    const e = await errorOf(submitChange(requester, c.id));
    expect(["conflict", "gate_refused", "invalid"]).toContain(e.code);
    expect(JSON.stringify(e.details)).toMatch(/blackout_active|Submit freeze/);
  });
});
