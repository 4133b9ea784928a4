import "server-only";
import { and, desc, eq, lte, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { changes, gateChecks } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { CSV_BOM, safeCsvLines } from "@/lib/csv/write";
import { auditExportFormatSchema, type AuditExportFormat } from "@/lib/schemas/audit";
import { gateCheckQuerySchema, type GateCheckQueryInput } from "@/lib/schemas/gate-checks";
import { requireAuditScope } from "@/lib/services/audit/conditions";
import { EXPORT_BATCH, exportStamp, toByteStream } from "@/lib/services/audit/export-events";
import type { GateCheckView } from "@/lib/types/audit";
import { fetchGateChecks, gateCheckFilter } from "./query";

export const GATE_CHECK_CSV_COLUMNS = [
  "id",
  "firstAt",
  "lastAt",
  "count",
  "changeNumber",
  "siteCode",
  "actorEmail",
  "actorName",
  "via",
  "tokenName",
  "ip",
  "userAgent",
  "askedFor",
  "allowed",
  "reasonCodes",
  "reasons",
  "changeState",
  "changeVersion",
] as const;

function csvRows(rows: GateCheckView[]): string {
  if (rows.length === 0) return "";
  const cells = rows.map((r) =>
    GATE_CHECK_CSV_COLUMNS.map((c) =>
      c === "reasonCodes"
        ? r.reasons.map((x) => x.code).join(" ")
        : c === "reasons"
          ? r.reasons.map((x) => x.message).join("; ")
          : r[c],
    ),
  );
  return `${safeCsvLines(cells)}\r\n`;
}

async function* chunks(db: Executor, where: SQL, upToId: number, format: AuditExportFormat) {
  let beforeId = upToId + 1;
  let first = true;
  yield format === "csv" ? `${CSV_BOM}${safeCsvLines([GATE_CHECK_CSV_COLUMNS])}\r\n` : "[";
  for (;;) {
    const rows = await fetchGateChecks(db, where, { beforeId, limit: EXPORT_BATCH });
    if (rows.length) {
      if (format === "csv") yield csvRows(rows);
      else {
        const body = rows.map((r) => JSON.stringify(r)).join(",");
        yield first ? body : `,${body}`;
      }
      first = false;
    }
    if (rows.length < EXPORT_BATCH) break;
    beforeId = rows[rows.length - 1]!.id;
  }
  if (format === "json") yield "]\n";
}

/**
 * The gate-check log the actor may export (auditors), newest first, as CSV or a JSON array,
 * streamed batch by batch up to the newest entry at the start. Counts of entries still within
 * their minute may grow after the export; their first answer and facts cannot. Recorded in the
 * chain as `audit.export` (kind "gate_checks") before the first byte.
 */
export async function exportGateChecks(actor: Actor, input: GateCheckQueryInput, format: AuditExportFormat) {
  requireAuditScope(actor, "audit.export");
  const fmt = auditExportFormatSchema.parse(format);
  const query = gateCheckQuerySchema.parse(input);
  const db = await getDb();
  const { where, site } = await gateCheckFilter(db, actor, query, "audit.export");
  const [head] = await db
    .select({ id: gateChecks.id })
    .from(gateChecks)
    .innerJoin(changes, eq(changes.id, gateChecks.changeId))
    .where(where)
    .orderBy(desc(gateChecks.id))
    .limit(1);
  const upToId = head?.id ?? 0;
  const filter = {
    site: query.site,
    change: query.change,
    actor: query.actor,
    answer: query.answer,
    from: query.from?.toISOString(),
    to: query.to?.toISOString(),
  };
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: "audit.export",
      objectType: "audit",
      siteId: site?.id ?? null,
      after: { kind: "gate_checks", format: fmt, filter, upToId },
    }),
  );
  const stamp = exportStamp();
  return {
    filename: `interlock-gate-checks${site ? `-${site.code}` : ""}-${stamp}.${fmt}`,
    contentType: fmt === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    body: toByteStream(chunks(db, and(where, lte(gateChecks.id, upToId))!, upToId, fmt)),
    upToId,
  };
}
