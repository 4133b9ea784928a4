import "server-only";
import { and, asc, gte, lt, max, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { checkpointMacValid } from "./checkpoint-mac";
import { chainBatch, hashedFields, VERIFY_BATCH } from "./chain-read";
import { GENESIS_HASH, chainHash, type HashedFields } from "./hash";
import { auditKey } from "./key";

export type BreakKind =
  | "gap"
  | "link"
  | "hash"
  | "checkpoint_hash"
  | "checkpoint_signature"
  | "checkpoint_other_key"
  | "checkpoint_missing_event";

export interface VerifyBreak {
  kind: BreakKind;
  eventId: number;
  checkpointId: number | null;
  /** What is wrong, in words, for the page, the CLI and the evidence pack. */
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Events checked. */
  checked: number;
  checkpointsChecked: number;
  firstBrokenId: number | null;
  broken: VerifyBreak | null;
  /** The ids covered; null when the trail (or the period) holds no events. */
  range: { fromId: number; toId: number } | null;
  /** Whether a checkpoint key is configured; without one, checkpoints cannot be checked. */
  keyConfigured: boolean;
  lastCheckpoint: { id: number; eventId: number; at: string } | null;
  ms: number;
}

export interface VerifyOptions {
  /** Verify only events in [from, to); the first event's stored link is taken as given. */
  from?: Date;
  to?: Date;
  batchSize?: number;
}

async function idRange(db: Executor, from?: Date, to?: Date) {
  const conds = [from ? gte(auditEvents.at, from) : undefined, to ? lt(auditEvents.at, to) : undefined];
  const [r] = await db
    .select({ lo: min(auditEvents.id), hi: max(auditEvents.id) })
    .from(auditEvents)
    .where(and(...conds));
  return r?.lo == null || r.hi == null ? null : { fromId: Number(r.lo), toId: Number(r.hi) };
}

/** The chain hash, or null when the row cannot be hashed (a stored time no Date can hold). */
function hashOrNull(prevHash: string, row: HashedFields): string | null {
  try {
    return chainHash(prevHash, row);
  } catch {
    return null;
  }
}

/** A result given while a batch read ahead is still running: it is waited for (and its error dropped) first. */
async function settle<T>(pending: Promise<unknown>, value: T): Promise<T> {
  await pending.catch(() => {});
  return value;
}

/**
 * Walks the chain in id order, recomputing each hash and link, and checks every checkpoint in the
 * range: its HMAC (so a checkpoint cannot be forged without the key) and that the event it sealed
 * still carries the sealed hash (so a rewrite that recomputed every later hash is still caught).
 * Reports the first problem in id order.
 */
export async function verifyAuditChain(db: Executor, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const t0 = performance.now();
  const key = auditKey();
  const period = Boolean(opts.from || opts.to);
  const range = await idRange(db, opts.from, opts.to);
  const all = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.eventId));
  const newest = all.reduce<(typeof all)[number] | null>((a, c) => (!a || c.id > a.id ? c : a), null);
  const result = (checked: number, checkpointsChecked: number, broken: VerifyBreak | null): VerifyResult => ({
    ok: broken === null,
    checked,
    checkpointsChecked,
    firstBrokenId: broken?.eventId ?? null,
    broken,
    range,
    keyConfigured: key !== null,
    lastCheckpoint: newest ? { id: newest.id, eventId: newest.eventId, at: newest.at.toISOString() } : null,
    ms: Math.round(performance.now() - t0),
  });

  // Checkpoints that concern the range; outside a period also those beyond the last event.
  const checkpoints = all.filter(
    (c) => !period || (range !== null && c.eventId >= range.fromId && c.eventId <= range.toId),
  );
  let cpChecked = 0;
  for (const c of checkpoints) {
    if (!key) break;
    const problem: Omit<VerifyBreak, "message"> = {
      kind: "checkpoint_signature",
      eventId: c.eventId,
      checkpointId: c.id,
    };
    if (c.keyId !== key.id)
      return result(0, cpChecked, {
        ...problem,
        kind: "checkpoint_other_key",
        message: `Checkpoint #${c.id} was signed with another key (${c.keyId}) than the one configured (${key.id}); it cannot be checked.`,
      });
    if (!checkpointMacValid(key.key, c))
      return result(0, cpChecked, {
        ...problem,
        message: `Checkpoint #${c.id} (sealing event #${c.eventId}) has an invalid signature: it was written or altered without the key.`,
      });
  }
  if (!period && range === null && checkpoints.length && key) {
    const c = checkpoints[0]!;
    return result(0, 0, {
      kind: "checkpoint_missing_event",
      eventId: c.eventId,
      checkpointId: c.id,
      message: `Checkpoint #${c.id} sealed event #${c.eventId}, but the trail holds no events: it was emptied.`,
    });
  }
  if (range === null) return result(0, key ? checkpoints.length : 0, null);

  const batchSize = opts.batchSize ?? VERIFY_BATCH;
  const byEvent = new Map<number, (typeof checkpoints)[number][]>();
  for (const c of checkpoints) byEvent.set(c.eventId, [...(byEvent.get(c.eventId) ?? []), c]);

  let prevHash: string | null = range.fromId === 1 || !period ? GENESIS_HASH : null;
  let expectedId = period ? range.fromId : 1;
  let checked = 0;
  // The next batch is asked for before this one is hashed: on PostgreSQL the server reads it
  // while this process hashes, instead of each waiting for the other.
  let next = chainBatch(db, expectedId - 1, range.toId, batchSize);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    next =
      rows.length < batchSize
        ? Promise.resolve([])
        : chainBatch(db, Number(rows[rows.length - 1]!.id), range.toId, batchSize);
    for (const raw of rows) {
      const row = hashedFields(raw);
      checked++;
      const base = { eventId: row.id, checkpointId: null };
      if (row.id !== expectedId)
        return settle(
          next,
          result(checked, cpChecked, {
            ...base,
            kind: "gap",
            message: `Event #${expectedId} is missing: the trail jumps from #${expectedId - 1} to #${row.id}.`,
          }),
        );
      const link = prevHash ?? raw.prev_hash;
      if (raw.prev_hash !== link)
        return settle(
          next,
          result(checked, cpChecked, {
            ...base,
            kind: "link",
            message: `Event #${row.id} does not link to event #${row.id - 1}: one of them was altered or replaced.`,
          }),
        );
      if (raw.hash !== hashOrNull(link, row))
        return settle(
          next,
          result(checked, cpChecked, {
            ...base,
            kind: "hash",
            message: `Event #${row.id}'s content does not match its stored hash: it was altered after it was written.`,
          }),
        );
      for (const c of byEvent.get(row.id) ?? []) {
        if (key && c.eventHash !== raw.hash)
          return settle(
            next,
            result(checked, cpChecked, {
              ...base,
              checkpointId: c.id,
              kind: "checkpoint_hash",
              message: `Checkpoint #${c.id}, signed ${c.at.toISOString().replace("T", " ").slice(0, 19)} UTC, sealed event #${row.id} with a different hash: the trail up to that event was rewritten and rehashed.`,
            }),
          );
        if (key) cpChecked++;
      }
      prevHash = raw.hash;
      expectedId++;
    }
  }
  const beyond = key && !period ? checkpoints.find((c) => c.eventId > range.toId) : undefined;
  if (beyond)
    return result(checked, cpChecked, {
      kind: "checkpoint_missing_event",
      eventId: beyond.eventId,
      checkpointId: beyond.id,
      message: `Checkpoint #${beyond.id} sealed event #${beyond.eventId}, but the trail ends at #${range.toId}: events were removed.`,
    });
  return result(checked, cpChecked, null);
}
