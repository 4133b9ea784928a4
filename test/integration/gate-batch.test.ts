// The deployment gate asked for a batch of changes at once (decideGates, as the slot reminders
// ask it) must answer each exactly as it answers that change alone (decideGate): the batch
// loads windows, runs, bookings and in-progress changes over the union of the slots, so every
// change here sees something another change's wider range pulled in.
import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { decideGate, decideGates } from "@/lib/services/changes/internal/decide-gate";
import { loadContexts } from "@/lib/services/changes/internal/load";
import { loadVisibleContext } from "@/lib/services/changes/internal/load-one";
import { forScheduling } from "@/lib/services/changes/internal/schedule-seam";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import {
  findingsFrom,
  scheduleFindingsForChange,
  schedulingRequest,
} from "@/lib/services/schedule/conflicts-for-change";
import { createRun } from "@/lib/services/schedule/create-run";
import { createWindow } from "@/lib/services/schedule/create-window";
import { loadScheduleRows } from "@/lib/services/schedule/schedule-facts";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";
import { sign } from "./changes-helpers";
import { patchInput, plcAt } from "./schedule-helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

let db: Db;
let requester: Actor, implementer: Actor, implementerEmail: string, manager: Actor, managerB: Actor;
let ops: Actor, security: Actor, opsB: Actor;
const ids: string[] = [];

beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("GBA", "America/Chicago", ["U1", "U2", "U3", "U4", "U5"]);
  await makeSite("GBB", "Europe/Berlin", ["P1"]);
  requester = (await makeUser(["GBA:requester", "GBB:requester"])).actor;
  const impl = await makeUser(["GBA:requester", "GBB:requester"]);
  implementer = impl.actor;
  implementerEmail = impl.email;
  // Signers see both plants (a change spanning them is visible only to who sees every site).
  ops = (await makeUser(["GBA:operations", "GBB:requester"])).actor;
  opsB = (await makeUser(["GBB:operations", "GBA:requester"])).actor;
  security = (await makeUser(["GBA:security", "GBB:security"])).actor;
  manager = (await makeUser(["GBA:change_manager"])).actor;
  managerB = (await makeUser(["GBB:change_manager"])).actor;
  const asset = (site: string, area: string, tag: string, redundancyGroup?: string) =>
    plcAt(requester, site, area, tag, redundancyGroup);
  const a = {
    clear: await asset("GBA", "U1", "PLC-CLEAR"),
    shared: await asset("GBA", "U1", "PLC-SHARED"),
    outside: await asset("GBA", "U2", "PLC-OUT"),
    blackout: await asset("GBA", "U3", "PLC-BLK"),
    pairA: await asset("GBA", "U4", "PLC-RA", "PAIR"),
    pairB: await asset("GBA", "U4", "PLC-RB", "PAIR"),
    production: await asset("GBA", "U5", "PLC-PRD"),
    berlin: await asset("GBB", "P1", "PLC-BER", "PAIR"),
    berlin2: await asset("GBB", "P1", "PLC-BER2", "PAIR"),
  };
  const now = Date.now();
  // A week of window at GBA for every area but U2, and at GBB.
  await createWindow(manager, {
    site: "GBA",
    kind: "maintenance",
    title: "Long window",
    areas: ["U1", "U3", "U4", "U5"],
    start: minute(now - 2 * DAY),
    durationMinutes: 7 * 24 * 60,
  });
  await createWindow(managerB, {
    site: "GBB",
    kind: "maintenance",
    title: "Berlin window",
    start: minute(now - 2 * DAY),
    durationMinutes: 7 * 24 * 60,
  });

  const change = async (assetIds: string[], start: number, extra: Partial<CreateChangeInput> = {}) => {
    const c = await createChange(requester, patchInput(assetIds, implementerEmail, start, extra));
    ids.push(c.id);
    return c.id;
  };
  const approve = async (id: string, sites: ("GBA" | "GBB")[] = ["GBA"]) => {
    await submitChange(requester, id);
    for (const s of sites)
      await sign(s === "GBA" ? ops : opsB, id, "operations", sites.length > 1 ? { siteCode: s } : {});
    await sign(security, id, "security");
    return id;
  };

  const onShared = await approve(await change([a.shared], now - HOUR));
  const onPair = await approve(await change([a.pairA], now - HOUR));
  await approve(await change([a.clear], now - HOUR)); // clear
  await approve(await change([a.clear, a.shared], now - HOUR)); // busy with the in-progress one
  await approve(await change([a.clear], now + 2 * HOUR)); // books PLC-CLEAR too (not blocking)
  // Outside any window: the "next window" hint must not see the turnaround 40 days out, which
  // only the change planned 38 days out loads. (Drafts: submit would refuse the slot.)
  await change([a.outside], now - HOUR);
  await change([a.outside], now + 38 * DAY);
  await createRun(manager, {
    site: "GBA",
    area: "U2",
    title: "Late turnaround",
    kind: "turnaround",
    criticality: "normal",
    start: minute(now + 40 * DAY),
    end: minute(now + 41 * DAY),
  });
  await approve(await change([a.blackout], now - HOUR));
  await createWindow(manager, {
    site: "GBA",
    kind: "blackout",
    title: "Freeze",
    areas: ["U3"],
    start: minute(now - 2 * HOUR),
    durationMinutes: 12 * 60,
  });
  await approve(await change([a.pairB], now - HOUR)); // redundancy lost with PLC-RA
  await approve(await change([a.pairB, a.berlin], now - HOUR), ["GBA", "GBB"]); // group qualified per site
  await approve(await change([a.berlin2], now - HOUR), ["GBB"]); // "PAIR" at GBB is another group
  await approve(
    await change([a.production], now - HOUR, { expectedDowntimeMinutes: 30, productionImpact: "outage" }),
  );
  await createRun(manager, {
    site: "GBA",
    area: "U5",
    title: "Critical batch",
    kind: "batch",
    criticality: "critical",
    start: minute(now - 3 * HOUR),
    end: minute(now + 10 * HOUR),
  });
  await change([a.production], now + 20 * DAY); // a draft, never submitted
  const standard = await approve(await change([a.clear], now + 4 * HOUR));
  // Started once everything else was approved (submit refuses a slot they block): in progress
  // on PLC-SHARED and on PLC-RA, the one on PLC-RA past its slot.
  await startChange(implementer, onShared);
  await startChange(implementer, onPair);
  await db
    .update(changes)
    .set({ plannedStart: new Date(now - 6 * HOUR), plannedEnd: new Date(now - 2 * HOUR) })
    .where(inArray(changes.id, [onPair]));
  // A standard change naming no model: the gate's model check refuses it.
  await db
    .update(changes)
    .set({ class: "standard" })
    .where(inArray(changes.id, [standard]));
}, 300_000);

async function questions(tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) {
  const rows = await tx.select().from(changes).where(inArray(changes.id, ids));
  const ctxs = await loadContexts(tx, rows);
  // The implementer for most; an operations approver for every third.
  return ctxs.map((ctx, i) => ({ ctx, actor: i % 3 === 2 ? ops : implementer }));
}

describe("the gate for a batch of changes", () => {
  it("answers each change as it answers that change alone", async () => {
    const at = new Date();
    await db.transaction(async (tx) => {
      const qs = await questions(tx);
      const batch = await decideGates(tx, qs, at);
      const single = [];
      const viewed = [];
      for (const q of qs) {
        single.push(await decideGate(tx, q.actor, q.ctx, at));
        // As the gate dry run loads it: assets and members known from the one-statement load.
        viewed.push(await decideGate(tx, q.actor, await loadVisibleContext(tx, q.actor, q.ctx.row.id), at));
      }
      expect(batch).toEqual(single);
      expect(viewed).toEqual(single);
      // The fixtures reach every rule (else equality would prove little).
      const codes = [...new Set(single.flatMap((d) => d.reasons.map((r) => r.code)))].sort();
      expect(codes).toEqual(
        expect.arrayContaining([
          "asset_busy",
          "blackout_active",
          "not_implementer",
          "outside_model",
          "outside_window",
          "production_conflict",
          "redundancy_lost",
          "wrong_state",
        ]),
      );
      expect(single.some((d) => d.allowed)).toBe(true);
      expect(single.some((d) => d.reasons.some((r) => /no later window/.test(r.message)))).toBe(true);
    });
  });

  it("gives each change the same scheduling findings, blocking or not, from the batch's rows", async () => {
    const at = new Date();
    await db.transaction(async (tx) => {
      const changesAsked = (await questions(tx)).map((q) =>
        forScheduling(
          q.ctx.row,
          q.ctx.assets.map((a) => a.id),
        ),
      );
      const rows = await loadScheduleRows(
        tx,
        changesAsked.flatMap((c) => schedulingRequest(c) ?? []),
      );
      for (const c of changesAsked)
        expect(findingsFrom(rows, c, at)).toEqual(await scheduleFindingsForChange(tx, c, at));
      const all = changesAsked.flatMap((c) => findingsFrom(rows, c, at));
      expect(all.some((f) => f.code === "asset_busy" && !f.blocking)).toBe(true);
    });
  });
});
