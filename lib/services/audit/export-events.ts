import "server-only";
import { and, desc, lte, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import {
  auditExportFormatSchema,
  auditQuerySchema,
  type AuditExportFormat,
  type AuditQueryInput,
} from "@/lib/schemas/audit";
import { auditFilter, describeFilter, requireAuditScope } from "./conditions";
import { EXPORT_BATCH, auditCsvChunks } from "./export-csv";
import { fetchEvents, toViews, type AuditEventView } from "./view";

export { EXPORT_BATCH };

export interface AuditExport {
  filename: string;
  contentType: string;
  /** Pull-based: the next batch is read only when the consumer has taken the previous one. */
  body: ReadableStream<Uint8Array>;
  /** The newest event the export covers; events appended while it streams are not in it. */
  upToId: number;
}

/** Matching events, newest first, one keyset batch at a time, up to and including `upToId`. */
export async function* auditEventBatches(
  db: Executor,
  where: SQL,
  upToId: number,
  batch = EXPORT_BATCH,
): AsyncGenerator<AuditEventView[]> {
  let beforeId = upToId + 1;
  for (;;) {
    const rows = await fetchEvents(db, where, { beforeId, limit: batch });
    if (rows.length === 0) return;
    yield await toViews(db, rows);
    if (rows.length < batch) return;
    beforeId = rows[rows.length - 1]!.event.id;
  }
}

/** The JSON file as text pieces: an array, a piece per batch (CSV: export-csv.ts). */
export async function* auditJsonChunks(batches: AsyncIterable<AuditEventView[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const events of batches) {
    const body = events.map((e) => JSON.stringify(e)).join(",");
    yield first ? body : `,${body}`;
    first = false;
  }
  yield "]\n";
}

/** A byte stream that asks the generator for the next piece only when the reader wants more. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else if (value) controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** "20261202T031500Z": the moment of an export, for its file name. */
export function exportStamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

async function headId(db: Executor, where: SQL): Promise<number> {
  const [head] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return head?.id ?? 0;
}

/**
 * The events the actor may export (audit.export scope) matching the filter, newest first, as CSV
 * or a JSON array, streamed from a keyset cursor so that any number of events leaves server memory
 * flat; no row cap. The export is recorded as `audit.export` with its filter and the newest event
 * it covers, committed before the first byte is handed out (fail closed).
 */
export async function exportAuditEvents(
  actor: Actor,
  input: AuditQueryInput,
  format: AuditExportFormat,
): Promise<AuditExport> {
  requireAuditScope(actor, "audit.export");
  const fmt = auditExportFormatSchema.parse(format);
  const query = auditQuerySchema.parse(input);
  const db = await getDb();
  const { where, site } = await auditFilter(db, actor, query, "audit.export");
  const upToId = await headId(db, where);
  await db.transaction(async (tx) => {
    await appendAudit(tx, actor, {
      action: "audit.export",
      objectType: "audit",
      siteId: site?.id ?? null,
      after: { format: fmt, filter: describeFilter(query), upToId },
    });
  });

  const stamp = exportStamp();
  const scoped = and(where, lte(auditEvents.id, upToId))!;
  return {
    filename: `interlock-audit${site ? `-${site.code}` : ""}-${stamp}.${fmt}`,
    contentType: fmt === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    body: toByteStream(
      fmt === "csv"
        ? auditCsvChunks(db, scoped, upToId)
        : auditJsonChunks(auditEventBatches(db, scoped, upToId)),
    ),
    upToId,
  };
}
