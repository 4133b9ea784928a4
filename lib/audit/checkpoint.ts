import "server-only";
import { desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { checkpointMac } from "./checkpoint-mac";
import { auditKey } from "./key";

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

/**
 * Signs the current chain head. With `onlyIfMoved` (the hourly run) nothing is written when the
 * newest checkpoint already seals the head, so idle installations and several app instances do not
 * pile up identical seals. Returns null when there is nothing to seal or no key.
 */
export async function sealChainHead(
  db: Executor,
  opts: { reason: string; actorEmail?: string | null; onlyIfMoved?: boolean; now?: Date },
): Promise<CheckpointRow | null> {
  const key = auditKey();
  if (!key) return null;
  const [head] = await db
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  if (!head) return null;
  if (opts.onlyIfMoved) {
    const [newest] = await db
      .select({ eventId: auditCheckpoints.eventId })
      .from(auditCheckpoints)
      .orderBy(desc(auditCheckpoints.id))
      .limit(1);
    if (newest?.eventId === head.id) return null;
  }
  // Milliseconds survive the timestamptz round trip, so the MAC recomputes from the stored row.
  const at = opts.now ?? new Date();
  const fields = { at, eventId: head.id, eventHash: head.hash };
  const [row] = await db
    .insert(auditCheckpoints)
    .values({
      ...fields,
      keyId: key.id,
      mac: checkpointMac(key.key, fields),
      reason: opts.reason,
      actorEmail: opts.actorEmail ?? null,
    })
    .returning();
  return row!;
}
