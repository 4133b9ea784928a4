// The people and objects the fleet benchmark acts on, made through the services on top of the
// bulk data (bench/fleet-seed.ts), and found again by email with --reuse.
import fs from "node:fs";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createAsset } from "@/lib/services/assets/create";
import { createChange } from "@/lib/services/changes/create";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { submitChange } from "@/lib/services/changes/submit";
import { createWindow } from "@/lib/services/schedule/create-window";
import { writeSignoffSlots } from "@/lib/services/changes/internal/signoff-slots";
import { insertToken } from "@/lib/services/tokens/internal/insert-token";
import { makeUser, signInAs } from "../test/fixtures";
import { sign } from "../test/integration/changes-helpers";
import { addWaitingChanges, type seedChanges } from "./fleet-seed";

export interface World {
  changeId: string;
  /** An asset of the gate's subject site, for the conflict check. */
  assetId: string;
  emails: { corporate: string; plant: string; implementer: string; requester: string };
}

export interface Actors {
  corporate: Actor;
  plant: Actor;
  implementer: Actor;
  requester: Actor;
}

const HOUR = 3_600_000;

/**
 * At B03: an approved change whose slot and maintenance window are open now (the gate's subject),
 * a weekly maintenance window recurring for five years (the calendar's), and submitted changes
 * added until the plant's operations approver has `waiting` of them in the inbox.
 */
export async function makeWorld(
  seeded: Awaited<ReturnType<typeof seedChanges>>,
  waiting: number,
): Promise<World> {
  const site = seeded.codes[3]!;
  const requester = await makeUser([`${site}:requester`]);
  const implementer = await makeUser([`${site}:requester`]);
  const security = await makeUser([`${site}:security`]);
  const manager = await makeUser([`${site}:change_manager`]);
  await createWindow(manager.actor, {
    siteCode: site,
    kind: "maintenance",
    title: "Sunday window",
    start: "2021-01-03T01:00",
    durationMinutes: 300,
    rrule: "FREQ=WEEKLY;BYDAY=SU",
    until: "2026-01-02",
  });
  const start = new Date(Math.floor((Date.now() - 2 * 24 * HOUR) / 60_000) * 60_000);
  await createWindow(manager.actor, {
    siteCode: site,
    kind: "maintenance",
    title: "Bench window",
    start: start.toISOString(),
    durationMinutes: 14 * 24 * 60,
  });
  const asset = await createAsset(requester.actor, {
    siteCode: site,
    areaCode: "U1",
    tag: `BENCH-GATE-${Date.now().toString(36)}`,
    name: "Gate subject",
    kind: "plc",
    criticality: "supporting",
  });
  const now = Date.now();
  const change = await createChange(requester.actor, {
    type: "firmware_update",
    class: "normal",
    title: "Bench: polled by the patch server",
    description: "Firmware update polled by deployment tooling.",
    justification: "Benchmark.",
    references: [],
    assetIds: [asset.id],
    implementationPlan: "Flash and verify.",
    backoutPlan: "Flash the previous image.",
    testedOnTestBench: true,
    vendorQualified: true,
    plannedStart: new Date(now - HOUR).toISOString(),
    plannedEnd: new Date(now + 5 * 24 * HOUR).toISOString(),
    implementerEmail: implementer.email,
  });
  await submitChange(requester.actor, change.id);
  const ops = await signInAs(seeded.plantEmail);
  await sign(ops, change.id, "operations");
  await sign(security.actor, change.id, "security");
  // The first read fills the bulk rows' sign-off slots; the added changes get theirs written here
  // (the fill runs once per process). Not every change needs operations (policy): a margin.
  const plant = await signInAs(seeded.plantEmail);
  const n = (await approvalsInbox(plant)).length;
  if (n < waiting) {
    const db = await getDb();
    const ids = await addWaitingChanges(db, {
      siteId: seeded.siteIds[3]!,
      requesterId: seeded.requester.id,
      count: Math.ceil((waiting - n) * 1.5),
    });
    for (let i = 0; i < ids.length; i += 500)
      await db.transaction((tx) => writeSignoffSlots(tx, ids.slice(i, i + 500)));
  }
  return {
    changeId: change.id,
    assetId: asset.id,
    emails: {
      corporate: seeded.corporateEmail,
      plant: seeded.plantEmail,
      implementer: implementer.email,
      requester: requester.email,
    },
  };
}

export async function actorsOf(world: World): Promise<Actors> {
  const e = world.emails;
  return {
    corporate: await signInAs(e.corporate),
    plant: await signInAs(e.plant),
    implementer: await signInAs(e.implementer),
    requester: await signInAs(e.requester),
  };
}

/** A bearer token (read and write) for each actor, as a patch server or script would hold. */
export async function tokensOf(actors: Actors): Promise<Record<keyof Actors, string>> {
  const db = await getDb();
  const out = {} as Record<keyof Actors, string>;
  for (const [name, actor] of Object.entries(actors) as [keyof Actors, Actor][]) {
    const { token } = await db.transaction((tx) =>
      insertToken(tx, {
        userId: actor.userId!,
        name: `bench ${name}`,
        expiresAt: new Date(Date.now() + 86_400_000),
        scopes: ["read", "write"],
      }),
    );
    out[name] = token;
  }
  return out;
}

export function saveWorld(file: string, world: World) {
  fs.writeFileSync(file, JSON.stringify(world, null, 2));
}

export function loadWorld(file: string): World {
  if (!fs.existsSync(file))
    throw new Error(`--reuse: no ${file}; run the benchmark once without --reuse to seed.`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as World;
}
