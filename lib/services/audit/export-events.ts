import "server-only";
import type { SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import {
  auditExportFormatSchema,
  auditQuerySchema,
  type AuditExportFormat,
  type AuditQueryInput,
} from "@/lib/schemas/audit";
import { auditFilter, describeFilter, requireAuditScope } from "./conditions";
import { auditCsv } from "./csv";
import { MAX_EXPORT_ROWS } from "./limits";
import { fetchEvents, toViews, type AuditEventView } from "./view";

const BATCH = 5_000;

export interface AuditExport {
  filename: string;
  contentType: string;
  body: string;
  rows: number;
  /** True when more events matched than MAX_EXPORT_ROWS; the file holds the newest ones. */
  truncated: boolean;
}

/** Reads matching events newest first in keyset batches, stopping at `max` and saying whether more matched. */
export async function collectForExport(db: Executor, where: SQL, max = MAX_EXPORT_ROWS, batch = BATCH) {
  const events: AuditEventView[] = [];
  let beforeId: number | undefined;
  let truncated = false;
  for (;;) {
    const room = max - events.length;
    const limit = Math.min(batch, room + 1);
    const rows = await fetchEvents(db, where, { beforeId, limit });
    if (rows.length > room) {
      truncated = true;
      rows.length = room;
    }
    events.push(...(await toViews(db, rows)));
    if (truncated || rows.length < limit) return { events, truncated };
    beforeId = rows[rows.length - 1]!.event.id;
  }
}

/**
 * The events the actor may export (audit.export scope) matching the filter, as CSV or a JSON array,
 * newest first; `limit` and `cursor` are ignored. The export itself is recorded as `audit.export`
 * with its filter and row count, committed before the file is handed out (fail closed).
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

  const { events, truncated } = await collectForExport(db, where);

  const filter = describeFilter(query);
  await db.transaction(async (tx) => {
    await appendAudit(tx, actor, {
      action: "audit.export",
      objectType: "audit",
      siteId: site?.id ?? null,
      after: {
        format: fmt,
        filter,
        rows: events.length,
        truncated,
        newestId: events[0]?.id ?? null,
        oldestId: events.at(-1)?.id ?? null,
      },
    });
  });

  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const filename = `interlock-audit${site ? `-${site.code}` : ""}-${stamp}.${fmt}`;
  return fmt === "csv"
    ? {
        filename,
        contentType: "text/csv; charset=utf-8",
        body: auditCsv(events),
        rows: events.length,
        truncated,
      }
    : {
        filename,
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify(events),
        rows: events.length,
        truncated,
      };
}
