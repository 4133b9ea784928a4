import { CSV_BOM, safeCsvCell, safeCsvLines } from "@/lib/csv/write";
import type { AuditEventView } from "./view";
import { actionLabel } from "@/lib/domain/labels";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "at",
  "siteCode",
  "actorEmail",
  "actorName",
  "action",
  "actionLabel",
  "objectType",
  "objectId",
  "objectLabel",
  "reason",
  "ip",
  "before",
  "after",
  "hash",
] as const;

/** A value as its cell shows it: numbers and text as they are, anything else (before/after) as JSON. */
const cell = (v: unknown): string | number => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  return JSON.stringify(v);
};

/** One event's line (no line break) from its values in AUDIT_CSV_COLUMNS order. */
export function auditCsvLine(values: readonly unknown[]): string {
  let line = safeCsvCell(cell(values[0]));
  for (let i = 1; i < values.length; i++) line += `,${safeCsvCell(cell(values[i]))}`;
  return line;
}

const value = (e: AuditEventView, c: (typeof AUDIT_CSV_COLUMNS)[number]) =>
  c === "actionLabel" ? actionLabel(e.action) : e[c];

/** The byte-order mark and the header line. */
export function auditCsvHeader(): string {
  return `${CSV_BOM}${safeCsvLines([AUDIT_CSV_COLUMNS])}\r\n`;
}

/**
 * RFC 4180 lines for a batch of events, each ending in CRLF (so batches concatenate); before/after
 * are JSON text; formula-looking cells are prefixed with a quote (lib/csv).
 */
export function auditCsvRows(events: AuditEventView[]): string {
  let out = "";
  for (const e of events) out += `${auditCsvLine(AUDIT_CSV_COLUMNS.map((c) => value(e, c)))}\r\n`;
  return out;
}

/** A whole file in one string, for small sets of events. */
export function auditCsv(events: AuditEventView[]): string {
  return auditCsvHeader() + auditCsvRows(events);
}
