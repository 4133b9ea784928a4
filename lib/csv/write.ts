// The one CSV writer for exports (assets, audit trail, templates): RFC 4180 with CRLF, and every
// cell a spreadsheet would run as a formula defused with a leading apostrophe (OWASP CSV injection).
import Papa from "papaparse";

/**
 * Cells a spreadsheet would run as a formula: OWASP's =, +, -, @, tab and CR, a line feed, and
 * the full-width ＝＋－＠ some spreadsheets also accept. Papaparse's own pattern needs the whole
 * cell on one line, so a multi-line "=HYPERLINK(…)\n…" would slip past it; this one reads the
 * first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Byte-order mark: spreadsheets then read UTF-8 names such as "Krüger" correctly. */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

/** Data lines (no header), CRLF between them, no trailing newline; formula-like cells defused. */
export function safeCsvLines(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return "";
  return Papa.unparse(
    rows.map((r) => r.map((v) => v ?? "")),
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  );
}

/** A header line, then the rows as records keyed by column; formula-like cells defused. */
export function toSafeCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? "")) },
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  );
}

/** An import takes back the apostrophe the export put before formula-like text. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
