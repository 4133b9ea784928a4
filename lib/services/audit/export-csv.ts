import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rowsOf } from "@/lib/audit/chain-read";
import { actionLabel } from "@/lib/domain/labels";
import { auditCsvHeader, auditCsvLine } from "./csv";
import { labelKey, objectLabels } from "./view";

/** Rows per database round trip: large enough for throughput, small enough to keep memory flat. */
export const EXPORT_BATCH = 1_000;

/**
 * One event in AUDIT_CSV_COLUMNS order, as the batch query builds it; actionLabel and objectLabel
 * are null there and filled in here.
 */
type Tuple = unknown[];
const AT = 1;
const ACTION = 5;
const ACTION_LABEL = 6;
const OBJECT_TYPE = 7;
const OBJECT_ID = 8;
const OBJECT_LABEL = 9;
const BEFORE = 12;
const AFTER = 13;

interface Batch {
  text: string;
  count: number;
  lastId: number | null;
}

/**
 * Matching events below `beforeId`, newest first, as one JSON text: the same joins and filter as
 * view.ts fetchEvents, without decoding and mapping fifteen columns a row in JavaScript.
 */
async function csvBatch(db: Executor, where: SQL, beforeId: number, limit: number): Promise<Batch> {
  const [row] = rowsOf<{ j: string | null; n: number; last: number | string | null }>(
    await db.execute(sql`select json_agg(json_build_array(id, at, site_code, actor_email, actor_name, action,
          null, object_type, object_id, null, reason, ip, before, after, hash) order by id desc)::text as j,
        count(*)::int as n, min(id) as last
      from (select audit_events.id, audit_events.at::text as at, sites.code as site_code,
          audit_events.actor_email, users.name as actor_name, audit_events.action,
          audit_events.object_type, audit_events.object_id, audit_events.reason, audit_events.ip,
          audit_events.before, audit_events.after, audit_events.hash
        from audit_events
        left join sites on sites.id = audit_events.site_id
        left join users on users.id = audit_events.actor_id
        where ${where} and audit_events.id < ${beforeId}
        order by audit_events.id desc limit ${limit}) e`),
  );
  return {
    text: row?.j ?? "[]",
    count: Number(row?.n ?? 0),
    lastId: row?.last == null ? null : Number(row.last),
  };
}

/**
 * A jsonb value as the query builder hands it over: a string is parsed once more when it can be
 * (drizzle's jsonb mapping), so that this export writes exactly what the view-based one wrote.
 */
function asQueryBuilderReads(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/**
 * The CSV file of the matching events up to and including `upToId`, newest first: the header,
 * then one piece per keyset batch, each read while the one before is being written out. Bytes
 * equal to auditCsvRows over view.ts's events (export-csv.test.ts holds them together).
 */
export async function* auditCsvChunks(
  db: Executor,
  where: SQL,
  upToId: number,
  batch = EXPORT_BATCH,
): AsyncGenerator<string> {
  yield auditCsvHeader();
  let next = csvBatch(db, where, upToId + 1, batch);
  for (;;) {
    const b = await next;
    if (b.count === 0) return;
    next =
      b.count < batch
        ? Promise.resolve({ text: "[]", count: 0, lastId: null })
        : csvBatch(db, where, b.lastId!, batch);
    const rows = JSON.parse(b.text) as Tuple[];
    const labels = await objectLabels(
      db,
      rows.map((t) => ({ objectType: t[OBJECT_TYPE] as string, objectId: t[OBJECT_ID] as string | null })),
    );
    let out = "";
    for (const t of rows) {
      // Converted as the query builder converts the row: timestamptz text through a Date.
      t[AT] = new Date(t[AT] as string).toISOString();
      t[ACTION_LABEL] = actionLabel(t[ACTION] as string);
      t[OBJECT_LABEL] = labels.get(labelKey(t[OBJECT_TYPE] as string, t[OBJECT_ID] as string | null)) ?? null;
      t[BEFORE] = asQueryBuilderReads(t[BEFORE]);
      t[AFTER] = asQueryBuilderReads(t[AFTER]);
      out += `${auditCsvLine(t)}\r\n`;
    }
    yield out;
  }
}
