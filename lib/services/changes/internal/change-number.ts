import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { changeCounters } from "@/db/schema";

/**
 * Next number of the year, CHG-YYYY-NNNNN. The upsert takes the counter row's lock, so
 * concurrent creations queue on it and never share a number; a rolled-back creation gives
 * its number back with the transaction.
 */
export async function nextChangeNumber(tx: Tx, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await tx
    .insert(changeCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: changeCounters.year, set: { last: sql`${changeCounters.last} + 1` } })
    .returning({ last: changeCounters.last });
  return `CHG-${year}-${String(row!.last).padStart(5, "0")}`;
}
