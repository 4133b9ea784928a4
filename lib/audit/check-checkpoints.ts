import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import type { CheckpointView } from "@/lib/types/audit";
import { checkpointMacValid } from "./checkpoint-mac";
import { auditKey } from "./key";

/** Whether the seal itself is genuine: its HMAC under the configured key. */
export type SealSignature = "valid" | "invalid" | "other_key" | "no_key";
/** Whether the event it sealed still carries the sealed hash. */
export type SealedEvent = "matches" | "differs" | "missing";

export interface CheckedCheckpoint extends CheckpointView {
  signature: SealSignature;
  sealedEvent: SealedEvent;
  ok: boolean;
  /** The verdict in words, for the evidence pack's reader. */
  message: string;
}

const CHUNK = 1000;

function verdict(c: { id: number; eventId: number; keyId: string }, s: SealSignature, e: SealedEvent) {
  if (s === "no_key")
    return `No checkpoint key is configured here, so checkpoint #${c.id} cannot be checked.`;
  if (s === "other_key") return `Checkpoint #${c.id} was signed with another key (${c.keyId}).`;
  if (s === "invalid")
    return `Checkpoint #${c.id} has an invalid signature: it was written or altered without the key.`;
  if (e === "missing")
    return `Checkpoint #${c.id} sealed event #${c.eventId}, which the trail no longer holds.`;
  if (e === "differs")
    return `Event #${c.eventId} no longer has the hash checkpoint #${c.id} sealed: the trail was rewritten.`;
  return `Checkpoint #${c.id} is genuine and event #${c.eventId} still has the hash it sealed.`;
}

/**
 * Every checkpoint, oldest first, each checked on its own: unlike the chain verification, which
 * stops at the first problem, this tells an auditor which seals still hold.
 */
export async function checkCheckpoints(db: Executor): Promise<CheckedCheckpoint[]> {
  const key = auditKey();
  const rows = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
  const ids = [...new Set(rows.map((c) => c.eventId))];
  const hashes = new Map<number, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const events = await db
      .select({ id: auditEvents.id, hash: auditEvents.hash })
      .from(auditEvents)
      .where(inArray(auditEvents.id, ids.slice(i, i + CHUNK)));
    for (const e of events) hashes.set(e.id, e.hash);
  }
  return rows.map((c) => {
    const signature: SealSignature = !key
      ? "no_key"
      : c.keyId !== key.id
        ? "other_key"
        : checkpointMacValid(key.key, c)
          ? "valid"
          : "invalid";
    const stored = hashes.get(c.eventId);
    const sealedEvent: SealedEvent =
      stored === undefined ? "missing" : stored === c.eventHash ? "matches" : "differs";
    return {
      id: c.id,
      at: c.at.toISOString(),
      eventId: c.eventId,
      eventHash: c.eventHash,
      keyId: c.keyId,
      mac: c.mac,
      reason: c.reason,
      actorEmail: c.actorEmail,
      signature,
      sealedEvent,
      ok: signature === "valid" && sealedEvent === "matches",
      message: verdict(c, signature, sealedEvent),
    };
  });
}
