import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { areas, assets, changes, sites } from "@/db/schema/index";
import { cliActor, cliActorAs } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { withClock } from "@/lib/clock";
import type { ChangeState, SiteRole } from "@/lib/domain/constants";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { createUser } from "@/lib/services/users/create-user";
import { DEMO_ACCOUNTS, DEMO_AREAS, DEMO_PASSWORD, DEMO_SITES } from "@/lib/demo-accounts";
import { type AdvisorySeed, seedDemoAdvisories } from "./demo-advisories";
import { seedDemoAssets } from "./demo-assets";
import { seedDemoBoard } from "./demo-board";
import { DEMO_CHANGES, type DemoPath } from "./demo-changes-data";
import { planDemoCatalog } from "./demo-catalog";
import { type Plant, planDemoChanges, runSteps } from "./demo-changes";
import { SeedClock, days, plus } from "./demo-clock";
import { seedDemoSchedule } from "./demo-schedule";

const MANAGERS = { GCR: "elena.brooks@gcr.demo", RHP: "felix.braun@rhp.demo" } as const;
const OPERATIONS = { GCR: "marcus.hale@gcr.demo", RHP: "katrin.vogel@rhp.demo" } as const;

/** Where each path leaves a change; a seed that drifted from its story stops instead of lying. */
const ENDS_IN: Record<DemoPath, ChangeState[]> = {
  draft: ["draft"],
  cancelled: ["cancelled"],
  submitted: ["submitted"],
  rejected: ["rejected"],
  approved: ["approved"],
  superseded: ["submitted"],
  in_progress: ["in_progress"],
  implemented: ["implemented", "pssr_pending"],
  closed: ["closed"],
  failed: ["failed"],
  rolled_back: ["rolled_back"],
};

export interface DemoSeedResult {
  seeded: boolean;
  changes?: number;
  advisories?: AdvisorySeed;
}

/**
 * Seeds the demo plant into an empty database (nothing when any site exists): sites, people and
 * assets, then a quarter of schedule and changes up to `now`, every step through the services with
 * the clock set to its moment, so that the trail is the real one and the rules applied are the
 * real ones. The same `now` gives the same plant. `onPhase` hears the name of each phase as it
 * begins (the server's log, the benchmark's clock).
 */
export async function seedDemo(
  opts: { now?: Date; plantOnly?: boolean; onPhase?: (name: string) => void } = {},
): Promise<DemoSeedResult> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(sites);
  if ((row?.n ?? 0) > 0) return { seeded: false };
  const clock = new SeedClock(opts.now ?? new Date());
  const phase = opts.onPhase ?? (() => {});
  return withClock(clock.read, async () => {
    const actor = cliActor();
    phase("sites and people");
    for (const s of DEMO_SITES) {
      await createSite(actor, s);
      for (const a of DEMO_AREAS[s.code] ?? []) await createArea(actor, s.code, a);
    }
    for (const account of DEMO_ACCOUNTS) {
      await createUser(actor, {
        email: account.email,
        name: account.name,
        password: DEMO_PASSWORD,
        isAdmin: account.isAdmin ?? false,
        grants: account.grants.map((g) => {
          const [siteCode, role] = g.split(":") as [string, SiteRole];
          return { siteCode, role };
        }),
      });
    }
    phase("assets");
    await seedDemoAssets(actor);
    // Sites, people and inventory only: for tests of one feature that need the plant, not its past.
    if (opts.plantOnly) return { seeded: true, changes: 0 };
    phase("schedule");
    const plant = await loadPlant();
    const later = await seedDemoSchedule(clock, plant.people, MANAGERS, OPERATIONS);
    const modelVersions = new Map<string, string>();
    const catalog = planDemoCatalog(clock, plant.people, modelVersions);
    const { steps, ids } = planDemoChanges(clock, plant, modelVersions);
    phase("changes, catalog and later windows");
    await runSteps(clock, [...catalog, ...later, ...steps]);
    await checkStory(ids);
    clock.set(plus(clock.now, -days(1)));
    phase("advisories");
    const advisories = await seedDemoAdvisories({
      importer: plant.people["omar.siddiqui@corp.demo"]!,
      assessor: plant.people["tomasz.nowak@gcr.demo"]!,
      requester: plant.people["dana.ruiz@gcr.demo"]!,
    });
    await seedDemoBoard(clock.now, {
      GCR: plant.people[MANAGERS.GCR]!,
      RHP: plant.people[MANAGERS.RHP]!,
    });
    return { seeded: true, changes: ids.size, advisories };
  });
}

/** One line for the console: what was seeded, and why advisories are missing if they are. */
export function describeDemoSeed(r: DemoSeedResult): string {
  if (!r.seeded) return "database already has sites; nothing seeded";
  const a = r.advisories;
  const advisories = !a
    ? ""
    : "skipped" in a
      ? `; advisories skipped: ${a.skipped}`
      : `; advisories ${a.imported.join(", ")} imported, drafted ${a.draftedChanges.join(", ") || "no change"}`;
  return `demo plant seeded: ${r.changes} changes${advisories}`;
}

async function loadPlant(): Promise<Plant> {
  const db = await getDb();
  const people: Record<string, Actor> = {};
  for (const a of DEMO_ACCOUNTS) people[a.email] = await cliActorAs(a.email);
  const rows = await db
    .select({ id: assets.id, tag: assets.tag, site: sites.code, area: areas.code })
    .from(assets)
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .leftJoin(areas, eq(areas.id, assets.areaId));
  return {
    people,
    assetIds: new Map(rows.map((r) => [r.tag, r.id])),
    siteByTag: new Map(rows.map((r) => [r.tag, r.site as "GCR" | "RHP"])),
    areaByTag: new Map(rows.map((r) => [r.tag, r.area])),
    managers: MANAGERS,
  };
}

async function checkStory(ids: Map<string, string>): Promise<void> {
  const db = await getDb();
  const states = new Map(
    (await db.select({ id: changes.id, state: changes.state }).from(changes)).map((r) => [r.id, r.state]),
  );
  const wrong = DEMO_CHANGES.filter((c) => !ENDS_IN[c.path].includes(states.get(ids.get(c.key)!)!)).map(
    (c) => `${c.key} is ${states.get(ids.get(c.key)!)}, expected ${c.path}`,
  );
  if (wrong.length) throw new Error(`The demo seed drifted from its story: ${wrong.join("; ")}`);
}
