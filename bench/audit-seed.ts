// Bench-only: N valid hash-chained audit events, appended after the trail's head. Each event is
// hashed by the portal's own chainHash (so verification checks real links); the rows go in by
// COPY on PostgreSQL (millions in minutes) and by multi-row INSERT on PGlite.
import { performance } from "node:perf_hooks";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { databaseKind, type Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { CHAIN_COLUMNS } from "@/lib/audit/chain-read";
import { GENESIS_HASH, chainHash, type HashedFields } from "@/lib/audit/hash";

const YEAR_MS = 365 * 24 * 3600_000;
const ACTIONS = ["change.update", "signoff.sign", "gate.decision", "asset.update", "auth.login"] as const;

interface Chained extends HashedFields {
  prevHash: string;
  hash: string;
}

/** Events n = 0…count-1 over the year before `end`, spread over the sites, chained from the head. */
function* chainedEvents(count: number, siteIds: string[], head: { id: number; hash: string }, end: number) {
  let prev = head.hash;
  const start = end - YEAR_MS;
  for (let n = 0; n < count; n++) {
    const e: HashedFields = {
      id: head.id + 1 + n,
      at: new Date(start + Math.floor((n / count) * YEAR_MS)),
      actorId: null,
      actorEmail: `user${n % 500}@bench.test`,
      action: ACTIONS[n % ACTIONS.length]!,
      objectType: "change",
      objectId: `c-${n % 20000}`,
      siteId: siteIds[n % siteIds.length]!,
      before: null,
      after: { field: "value", n },
      reason: n % 7 === 0 ? `Reason ${n}` : null,
      ip: "10.0.0.1",
    };
    const hash = chainHash(prev, e);
    yield { ...e, prevHash: prev, hash } satisfies Chained;
    prev = hash;
  }
}

/** COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
const copyValue = (v: unknown): string =>
  v === null || v === undefined
    ? "\\N"
    : (typeof v === "string" ? v : JSON.stringify(v)).replace(/[\\\t\n\r]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
      );

function copyLine(e: Chained): string {
  const cells = [
    e.id,
    e.at.toISOString(),
    e.actorId,
    e.actorEmail,
    e.action,
    e.objectType,
    e.objectId,
    e.siteId,
    e.before,
    e.after,
    e.reason,
    e.ip,
    e.prevHash,
    e.hash,
  ];
  return `${cells.map((c) => (typeof c === "number" ? String(c) : copyValue(c))).join("\t")}\n`;
}

/** Lines grouped into pieces of ~1,000 events, so that the stream is not driven one line at a time. */
function* copyPieces(events: Iterable<Chained>, progress: (n: number) => void) {
  let piece = "";
  let n = 0;
  for (const e of events) {
    piece += copyLine(e);
    if (++n % 1000 === 0) {
      yield piece;
      piece = "";
      if (n % 100_000 === 0) progress(n);
    }
  }
  if (piece) yield piece;
}

interface CopyClient {
  (strings: TemplateStringsArray, ...values: unknown[]): { writable(): Promise<Writable> };
  unsafe(query: string): { writable(): Promise<Writable> };
}

/** Appends `count` chained events after the head; returns the seconds it took. */
export async function seedAuditEvents(db: Db, siteIds: string[], count: number): Promise<number> {
  const [head] = await db
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(sql`id desc`)
    .limit(1);
  const events = chainedEvents(count, siteIds, head ?? { id: 0, hash: GENESIS_HASH }, Date.now());
  const t0 = performance.now();
  const progress = (n: number) => {
    const s = (performance.now() - t0) / 1000;
    process.stdout.write(`\rseeded ${n.toLocaleString("en-US")} events (${Math.round(n / s)}/s)`);
  };
  if ((await databaseKind()) === "postgres") {
    const client = (db as unknown as { $client: CopyClient }).$client;
    const target = await client
      .unsafe(`copy audit_events (${CHAIN_COLUMNS.join(", ")}) from stdin`)
      .writable();
    await pipeline(Readable.from(copyPieces(events, progress)), target);
  } else {
    let batch: Chained[] = [];
    let n = 0;
    for (const e of events) {
      batch.push(e);
      if (batch.length === 2000) {
        await db.insert(auditEvents).values(batch);
        batch = [];
        if ((n += 2000) % 100_000 === 0) progress(n);
      }
    }
    if (batch.length) await db.insert(auditEvents).values(batch);
  }
  await db.execute(sql`analyze audit_events`);
  const s = (performance.now() - t0) / 1000;
  console.log(`\rseeded ${count.toLocaleString("en-US")} events in ${s.toFixed(0)} s`);
  return s;
}
