import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites } from "@/db/schema/index";
import { cliActor } from "@/lib/auth/resolve";
import type { SiteRole } from "@/lib/domain/constants";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { createUser } from "@/lib/services/users/create-user";
import { DEMO_ACCOUNTS, DEMO_AREAS, DEMO_PASSWORD, DEMO_SITES } from "@/lib/demo-accounts";
import { seedDemoAssets } from "./demo-assets";

/** Seeds the demo plant into an empty database; does nothing when any site exists. */
export async function seedDemo(): Promise<{ seeded: boolean }> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(sites);
  if ((row?.n ?? 0) > 0) return { seeded: false };
  const actor = cliActor();
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
  await seedDemoAssets(actor);
  return { seeded: true };
}
