import "server-only";
import { and, asc, gte, lt, max, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { checkpointMacValid } from "./checkpoint-mac";
import type { BatchCheck } from "./chain-core.mjs";
import { chainBatch, VERIFY_BATCH } from "./chain-read";
import { defaultWorkers, inThread, workerPool } from "./chain-workers";
import { GENESIS_HASH } from "./hash";
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
  /** Worker threads that check batches; 0 checks in this thread. Default: one per core, unless
   * the range is under two batches. */
  workers?: number;
}

async function idRange(db: Executor, from?: Date, to?: Date) {
  const conds = [from ? gte(auditEvents.at, from) : undefined, to ? lt(auditEvents.at, to) : undefined];
  const [r] = await db
    .select({ lo: min(auditEvents.id), hi: max(auditEvents.id) })
    .from(auditEvents)
    .where(and(...conds));
  return r?.lo == null || r.hi == null ? null : { fromId: Number(r.lo), toId: Number(r.hi) };
}

const linkMessage = (id: number) =>
  `Event #${id} does not link to event #${id - 1}: one of them was altered or replaced.`;

const sealedMessage = (checkpointId: number, at: Date, eventId: number) =>
  `Checkpoint #${checkpointId}, signed ${at.toISOString().replace("T", " ").slice(0, 19)} UTC, sealed event #${eventId} with a different hash: the trail up to that event was rewritten and rehashed.`;

/** The sealed event ids (sorted) in (afterId, lastId]. */
const wantedIn = (sealed: number[], afterId: number, lastId: number) =>
  sealed.filter((id) => id > afterId && id <= lastId);

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
  const sealed = key ? [...byEvent.keys()].sort((a, b) => a - b) : [];
  const workers = opts.workers ?? (range.toId - range.fromId >= 2 * batchSize ? defaultWorkers() : 0);
  const checker = workers > 0 ? workerPool(workers) : inThread;

  let prevHash: string | null = range.fromId === 1 || !period ? GENESIS_HASH : null;
  let expectedId = period ? range.fromId : 1;
  let checked = 0;

  /** The first problem of a checked batch, in id order, as the event-by-event walk would find it. */
  const absorb = (b: BatchCheck): VerifyResult | null => {
    const broken = (index: number, kind: BreakKind, message: string, checkpointId: number | null = null) =>
      result(checked + index + 1, cpChecked, { kind, eventId: expectedId + index, checkpointId, message });
    if (b.count === 0) return null;
    if (b.firstId !== expectedId)
      return result(checked + 1, cpChecked, {
        kind: "gap",
        eventId: b.firstId!,
        checkpointId: null,
        message: `Event #${expectedId} is missing: the trail jumps from #${expectedId - 1} to #${b.firstId}.`,
      });
    if (prevHash !== null && b.firstPrev !== prevHash) return broken(0, "link", linkMessage(expectedId));
    const stop = b.problem?.index ?? b.count;
    for (const id of sealed) {
      const index = id - expectedId;
      if (index < 0 || index >= stop) continue;
      for (const c of byEvent.get(id)!) {
        if (c.eventHash !== b.hashes[id])
          return broken(index, "checkpoint_hash", sealedMessage(c.id, c.at, id), c.id);
        cpChecked++;
      }
    }
    const p = b.problem;
    if (p?.kind === "gap")
      return result(checked + p.index + 1, cpChecked, {
        kind: "gap",
        eventId: p.id,
        checkpointId: null,
        message: `Event #${expectedId + p.index} is missing: the trail jumps from #${expectedId + p.index - 1} to #${p.id}.`,
      });
    if (p?.kind === "link") return broken(p.index, "link", linkMessage(p.id));
    if (p?.kind === "hash")
      return broken(
        p.index,
        "hash",
        `Event #${p.id}'s content does not match its stored hash: it was altered after it was written.`,
      );
    checked += b.count;
    expectedId += b.count;
    prevHash = b.lastHash;
    return null;
  };

  // Batches are read one after another (each starts where the last ended) while the ones read
  // are checked, in worker threads when there are many: a batch's own check needs nothing from
  // the others, and absorb() takes the results in id order, so the first break is still the first.
  const inFlight: Promise<BatchCheck>[] = [];
  try {
    let after = expectedId - 1;
    let next = chainBatch(db, after, range.toId, batchSize);
    for (;;) {
      const batch = await next;
      if (batch.count === 0) break;
      next =
        batch.count < batchSize
          ? Promise.resolve({ text: "[]", count: 0, lastId: null })
          : chainBatch(db, batch.lastId!, range.toId, batchSize);
      inFlight.push(checker.check(batch.text, wantedIn(sealed, after, batch.lastId!)));
      after = batch.lastId!;
      while (inFlight.length > workers) {
        const broken = absorb(await inFlight.shift()!);
        if (broken) return await settle(next, broken);
      }
    }
    while (inFlight.length) {
      const broken = absorb(await inFlight.shift()!);
      if (broken) return broken;
    }
  } finally {
    await Promise.allSettled(inFlight);
    await checker.close();
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
