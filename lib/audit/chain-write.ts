import "server-only";
import { desc, sql } from "drizzle-orm";
import { beforeCommit, type Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { GENESIS_HASH, chainHash, type HashedFields } from "./hash";

const AUDIT_CHAIN_LOCK = 8142002;

/** An event as appendAudit validated it; id, time and hashes are given when it is chained. */
export type UnchainedEvent = Omit<HashedFields, "id" | "at">;

const pending = new WeakMap<Tx, UnchainedEvent[]>();

/**
 * Queues the event and chains the transaction's events at its end (one lock, one read of the
 * head, one insert for all of them). Outside a top-level transaction (a savepoint) it chains at
 * once, under the same lock, as before.
 */
export async function chainAtCommit(tx: Tx, event: UnchainedEvent): Promise<void> {
  const queued = pending.get(tx);
  if (queued) {
    queued.push(event);
    return;
  }
  const list = [event];
  if (beforeCommit(tx, () => writeChained(tx, list))) pending.set(tx, list);
  else await writeChained(tx, list);
}

/**
 * A transaction-scoped advisory lock serialises appenders so that id order is chain order on
 * PostgreSQL as on PGlite; it is released by the commit that follows. The events are stamped
 * with the time they are chained, so that on one server time order is chain order.
 */
async function writeChained(tx: Tx, events: UnchainedEvent[]): Promise<void> {
  pending.delete(tx);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  let id = last?.id ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = currentTime();
  const rows = events.map((e) => {
    const event = { ...e, id: ++id, at };
    const hash = chainHash(prevHash, event);
    const row = { ...event, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditEvents).values(rows);
}
