import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sites } from "@/db/schema";
import { register } from "@/instrumentation";
import { useTestDatabase, usingPostgres } from "../db";

let db: Db;
beforeAll(async () => {
  db = await useTestDatabase();
});

// The start-up hook as the server runs it, on this run's database (PGlite or PostgreSQL).
// It seeds the whole demo quarter (about 45 changes through the services): minutes on a loaded machine.
describe("the demo plant at start-up", () => {
  it(`is ${usingPostgres() ? "not seeded on PostgreSQL without INTERLOCK_DEMO=1" : "seeded into an empty embedded database by default"}`, async () => {
    delete process.env.INTERLOCK_DEMO;
    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    const [row] = await db.select({ n: count() }).from(sites);
    expect(row!.n).toBe(usingPostgres() ? 0 : 2);
  }, 600_000);

  // Only PostgreSQL needs the opt-in; the embedded default is the case above.
  it.runIf(usingPostgres())(
    "is seeded on PostgreSQL when INTERLOCK_DEMO=1",
    async () => {
      process.env.INTERLOCK_DEMO = "1";
      try {
        await register();
      } finally {
        delete process.env.INTERLOCK_DEMO;
      }
      const [row] = await db.select({ n: count() }).from(sites);
      expect(row!.n).toBe(2);
    },
    600_000,
  );
});
