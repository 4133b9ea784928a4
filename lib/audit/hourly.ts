import "server-only";
import { sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db/client";
import { sealChainHead } from "./checkpoint";

const HOUR = 60 * 60_000;

/**
 * Seals the chain head at start and then every hour while the server runs (skipped when idle).
 * The embedded database has no autovacuum, so the same run refreshes the planner's statistics:
 * without them a grown trail is read through the wrong index (explorer pages, exports).
 */
export function startHourlyCheckpoints(): void {
  const g = globalThis as unknown as { __interlockCheckpointTimer?: NodeJS.Timeout };
  if (g.__interlockCheckpointTimer) return;
  const seal = () =>
    getDb()
      .then(async (db) => {
        await sealChainHead(db, { reason: "hourly", onlyIfMoved: true });
        if ((await databaseKind()) === "pglite") await db.execute(sql`analyze`);
      })
      .catch((e: unknown) => console.error("[interlock] audit checkpoint failed", e));
  void seal();
  g.__interlockCheckpointTimer = setInterval(seal, HOUR);
  g.__interlockCheckpointTimer.unref();
}
