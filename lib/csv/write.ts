// The one CSV writer for exports (assets, audit trail, templates): RFC 4180 with CRLF, and every
// cell a spreadsheet would run as a formula defused with a leading apostrophe (OWASP CSV injection).

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

/** What makes a cell need quotes: a quote, the delimiter, a line break, a BOM, an edge space. */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/**
 * One cell as papaparse's unparse writes it with `escapeFormulae: FORMULA_START` (write.test.ts
 * holds the two together): text a spreadsheet would run is prefixed with an apostrophe and
 * quoted, quotes are doubled, numbers and booleans are written as they are. Hand-written because
 * exports call it for every cell of millions of rows, without building arrays for papaparse.
 */
export function safeCsvCell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return String(v);
  if (FORMULA_START.test(v)) return `"'${v.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One line (no line break) of cells. */
export const safeCsvLine = (cells: readonly CsvValue[]): string => cells.map(safeCsvCell).join(",");

/** Data lines (no header), CRLF between them, no trailing newline; formula-like cells defused. */
export function safeCsvLines(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map(safeCsvLine).join("\r\n");
}

/** A header line, then the rows as records keyed by column; formula-like cells defused. */
export function toSafeCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  // As papaparse: the header line ends in CRLF even when no record follows.
  return `${safeCsvLine(columns)}\r\n${safeCsvLines(rows.map((r) => columns.map((c) => r[c])))}`;
}

/** An import takes back the apostrophe the export put before formula-like text. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
