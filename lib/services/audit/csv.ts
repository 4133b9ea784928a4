import { CSV_BOM, toSafeCsv } from "@/lib/csv/write";
import type { AuditEventView } from "./view";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "at",
  "siteCode",
  "actorEmail",
  "actorName",
  "action",
  "objectType",
  "objectId",
  "objectLabel",
  "reason",
  "ip",
  "before",
  "after",
  "hash",
] as const satisfies readonly (keyof AuditEventView)[];

const cell = (v: unknown): string | number => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  return JSON.stringify(v);
};

/**
 * RFC 4180 CSV of audit events with a UTF-8 byte-order mark (so spreadsheets read names such as
 * "Krüger" correctly); before/after are JSON text; formula-looking cells are prefixed with a quote.
 */
export function auditCsv(events: AuditEventView[]): string {
  const rows = events.map((e) => Object.fromEntries(AUDIT_CSV_COLUMNS.map((c) => [c, cell(e[c])])));
  return `${CSV_BOM}${toSafeCsv(AUDIT_CSV_COLUMNS, rows)}\r\n`;
}
