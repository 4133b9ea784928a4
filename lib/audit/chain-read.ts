import "server-only";
import { sql } from "drizzle-orm";
import { databaseKind, type Executor } from "@/db/client";
import type { HashedFields } from "./hash";

/** Events per round trip of verification: big enough that the round trips do not count. */
export const VERIFY_BATCH = 10_000;

/** A stored event as the driver gives it to a plain SQL query (no query-builder mapping). */
export interface ChainRow {
  /** bigint: a number on PGlite, a string on postgres.js. */
  id: number | string;
  /** timestamptz as text (drizzle keeps the drivers from parsing dates). */
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  site_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** postgres.js answers execute() with an array of rows, PGlite with `{ rows }`. */
function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/** The stored columns of an event, in the order of the JSON tuples. */
export const CHAIN_COLUMNS = [
  "id",
  "at",
  "actor_id",
  "actor_email",
  "action",
  "object_type",
  "object_id",
  "site_id",
  "before",
  "after",
  "reason",
  "ip",
  "prev_hash",
  "hash",
] as const satisfies readonly (keyof ChainRow)[];

/** A row from its JSON tuple, in CHAIN_COLUMNS order. */
const fromTuple = (t: unknown[]): ChainRow =>
  ({
    id: t[0],
    at: t[1],
    actor_id: t[2],
    actor_email: t[3],
    action: t[4],
    object_type: t[5],
    object_id: t[6],
    site_id: t[7],
    before: t[8],
    after: t[9],
    reason: t[10],
    ip: t[11],
    prev_hash: t[12],
    hash: t[13],
  }) as ChainRow;

/**
 * Events with `afterId < id <= upToId` in id order, at most `limit`. Plain SQL rather than the
 * query builder: mapping each of fourteen columns through drizzle cost as much as hashing.
 *
 * On PGlite the batch comes as one JSON text (an array of arrays), parsed natively: its wire
 * protocol is decoded in JavaScript column by column, which took three times as long. The values
 * are the same as the rows': `at::text` is the text the driver is given, jsonb is embedded as its
 * own text (which the driver would JSON.parse too) and text columns round-trip through JSON escaping.
 */
export async function chainBatch(
  db: Executor,
  afterId: number,
  upToId: number,
  limit: number,
): Promise<ChainRow[]> {
  const range = sql`from audit_events where id > ${afterId} and id <= ${upToId} order by id limit ${limit}`;
  if ((await databaseKind()) === "postgres")
    return rowsOf<ChainRow>(await db.execute(sql`select ${sql.raw(CHAIN_COLUMNS.join(", "))} ${range}`));
  const tuple = sql.raw(CHAIN_COLUMNS.map((c) => (c === "at" ? "at::text" : c)).join(", "));
  const [batch] = rowsOf<{ j: string | null }>(
    await db.execute(sql`select json_agg(json_build_array(${tuple}) order by id)::text as j
      from (select * ${range}) e`),
  );
  const tuples = JSON.parse(batch?.j ?? "[]") as unknown[][];
  return tuples.map(fromTuple);
}

/** The hashed fields of a row, converted exactly as the query builder converts them. */
export function hashedFields(r: ChainRow): HashedFields {
  return {
    id: Number(r.id),
    at: new Date(r.at),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    siteId: r.site_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    ip: r.ip,
  };
}
