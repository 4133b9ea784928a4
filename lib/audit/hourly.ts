import "server-only";
import { getDb } from "@/db/client";
import { sealChainHead } from "./checkpoint";

const HOUR = 60 * 60_000;

/** Seals the chain head at start and then every hour while the server runs (skipped when idle). */
export function startHourlyCheckpoints(): void {
  const g = globalThis as unknown as { __interlockCheckpointTimer?: NodeJS.Timeout };
  if (g.__interlockCheckpointTimer) return;
  const seal = () =>
    getDb()
      .then((db) => sealChainHead(db, { reason: "hourly", onlyIfMoved: true }))
      .catch((e: unknown) => console.error("[interlock] audit checkpoint failed", e));
  void seal();
  g.__interlockCheckpointTimer = setInterval(seal, HOUR);
  g.__interlockCheckpointTimer.unref();
}
