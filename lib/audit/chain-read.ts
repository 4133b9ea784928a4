import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { CHAIN_COLUMNS } from "./chain-core.mjs";

export { CHAIN_COLUMNS };

/** Events per round trip of verification: big enough that the round trips do not count. */
export const VERIFY_BATCH = 10_000;

/** A batch of stored events as one JSON text: an array of tuples in CHAIN_COLUMNS order. */
export interface ChainBatch {
  text: string;
  count: number;
  /** The id of its last event, where the next batch starts; null when empty. */
  lastId: number | null;
}

/** postgres.js answers execute() with an array of rows, PGlite with `{ rows }`. */
export function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

const TUPLE = sql.raw(CHAIN_COLUMNS.map((c) => (c === "at" ? "at::text" : c)).join(", "));

/**
 * Events with `afterId < id <= upToId` in id order, at most `limit`, as one JSON text. Decoding
 * fourteen columns per row (postgres.js, PGlite's wire protocol in JavaScript) cost as much as the
 * hashing; one text per batch is parsed natively, and can be handed to a worker thread as it is.
 * The values are the rows': `at::text` is the text the driver is given (and the query builder
 * turns into a Date), jsonb is embedded as its own text (which the driver would JSON.parse too)
 * and text columns round-trip through JSON escaping.
 */
export async function chainBatch(
  db: Executor,
  afterId: number,
  upToId: number,
  limit: number,
): Promise<ChainBatch> {
  const [batch] = rowsOf<{ j: string | null; n: number; last: number | string | null }>(
    await db.execute(sql`select json_agg(json_build_array(${TUPLE}) order by id)::text as j,
        count(*)::int as n, max(id) as last
      from (select * from audit_events where id > ${afterId} and id <= ${upToId} order by id limit ${limit}) e`),
  );
  return {
    text: batch?.j ?? "[]",
    count: Number(batch?.n ?? 0),
    lastId: batch?.last == null ? null : Number(batch.last),
  };
}
