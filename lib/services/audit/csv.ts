import Papa from "papaparse";
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

/**
 * Cells a spreadsheet would run as a formula (OWASP's list plus the full-width forms some
 * spreadsheets also accept). Papaparse's own pattern needs the whole cell on one line, so a
 * multi-line "=HYPERLINK(…)\n…" reason would slip through it; this one looks at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

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
  const data = events.map((e) => AUDIT_CSV_COLUMNS.map((c) => cell(e[c])));
  return (
    "\uFEFF" +
    Papa.unparse(
      { fields: [...AUDIT_CSV_COLUMNS], data },
      { escapeFormulae: FORMULA_START, newline: "\r\n" },
    ) +
    "\r\n"
  );
}
