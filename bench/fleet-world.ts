// The people and objects the fleet benchmark acts on, made through the services on top of the
// bulk data (bench/fleet-seed.ts), and found again by email with --reuse.
import fs from "node:fs";
import type { Actor } from "@/lib/auth/actor";
import { createAsset } from "@/lib/services/assets/create";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import { createWindow } from "@/lib/services/schedule/create-window";
import { makeUser, signInAs } from "../test/fixtures";
import { sign } from "../test/integration/changes-helpers";
import type { seedChanges } from "./fleet-seed";

export interface World {
  changeId: string;
  emails: { corporate: string; plant: string; implementer: string; requester: string };
}

export interface Actors {
  corporate: Actor;
  plant: Actor;
  implementer: Actor;
  requester: Actor;
}

const HOUR = 3_600_000;

/** An approved change at B03 whose slot and maintenance window are open now: the gate's subject. */
export async function makeWorld(seeded: Awaited<ReturnType<typeof seedChanges>>): Promise<World> {
  const site = seeded.codes[3]!;
  const requester = await makeUser([`${site}:requester`]);
  const implementer = await makeUser([`${site}:requester`]);
  const security = await makeUser([`${site}:security`]);
  const manager = await makeUser([`${site}:change_manager`]);
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
  return {
    changeId: change.id,
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

export function saveWorld(file: string, world: World) {
  fs.writeFileSync(file, JSON.stringify(world, null, 2));
}

export function loadWorld(file: string): World {
  if (!fs.existsSync(file))
    throw new Error(`--reuse: no ${file}; run the benchmark once without --reuse to seed.`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as World;
}
