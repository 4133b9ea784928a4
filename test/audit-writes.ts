import { sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { appendAudit } from "../lib/audit/append";

/**
 * Five writers, each running `count` transactions that append an event, do more work, and append
 * a second one: the shape of a real mutation, so appenders of two instances interleave.
 */
export async function appendBackupEvents(count: number, tag: string): Promise<void> {
  const db = await getDb();
  await Promise.all(
    Array.from({ length: 5 }, async (_, w) => {
      for (let i = 0; i < count; i++)
        await db.transaction(async (tx) => {
          const event = {
            action: "database.backup",
            objectType: "database",
            reason: `${tag}-${w}-${i}`,
          } as const;
          await appendAudit(tx, null, event);
          await tx.execute(sql`select pg_sleep(0.002)`);
          await appendAudit(tx, null, event);
        });
    }),
  );
}
