// The one CSV reader for imports (assets, production runs): papaparse splits the records, this
// keeps the physical line each record starts on so that every error names the line a user sees
// in their editor, and maps the header onto known columns however people spell them.
import Papa from "papaparse";

export interface CsvRecord {
  /** Physical line on which the record starts; the header is line 1. */
  line: number;
  cells: string[];
  /** Set when the record is malformed (an unclosed quote). */
  error?: string;
}

/** One bad cell, row or header of an import file. */
export interface CsvCellError {
  line: number;
  column: string;
  message: string;
}

/**
 * The records of a file, blank lines (and lines of bare separators) skipped. Comma, semicolon and tab files are read alike
 * (spreadsheets in many locales save with semicolons); a byte-order mark is ignored and any line
 * ending (CRLF, LF, CR) counts as one line.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const out: CsvRecord[] = [];
  let prev = 0;
  let line = 1;
  const countNl = (s: string) => (s.match(/\n/g) ?? []).length;
  Papa.parse<string[]>(src, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    newline: "\n",
    step: (result) => {
      const slice = src.slice(prev, result.meta.cursor);
      // Lines papaparse skipped: blank, or bare separators and empty quotes (what spreadsheets
      // leave below the data).
      const sep = result.meta.delimiter === "\t" ? "" : `\\${result.meta.delimiter}`;
      const skipped = new RegExp(`^(?:(?:[ \\t${sep}]|"")*\\n)*`).exec(slice)?.[0] ?? "";
      const start = line + countNl(skipped);
      line += countNl(slice);
      prev = result.meta.cursor;
      const quoteError = result.errors.find((e) => e.type === "Quotes");
      out.push({
        line: start,
        cells: result.data,
        error: quoteError ? "A quoted value is not closed properly." : undefined,
      });
    },
  });
  return out;
}

/** "Model number", "model_number", "MODEL-NUMBER" and "model.number" all name one column. */
export const normaliseHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, "");

export interface CsvHeader<C extends string> {
  /** The column of each position of the header; null where the name is unknown. */
  columns: (C | null)[];
  /** Position of each known column. */
  index: Map<C, number>;
  errors: CsvCellError[];
  /** The column as the file spells it, so later messages use the user's own words. */
  name: (column: string) => string;
}

/**
 * Maps a header record onto columns: unknown, repeated and missing required columns are errors.
 * `columnOf` receives the normalised name (see normaliseHeader).
 */
export function readCsvHeader<C extends string>(
  header: CsvRecord,
  columnOf: (key: string) => C | undefined,
  required: readonly C[],
  expected: readonly string[],
): CsvHeader<C> {
  const errors: CsvCellError[] = [];
  const columns: (C | null)[] = [];
  const index = new Map<C, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    const column = columnOf(normaliseHeader(name)) ?? null;
    if (!column) {
      errors.push({
        line: header.line,
        column: name || `column ${i + 1}`,
        message: `Unknown column "${name.slice(0, 40)}". Expected: ${expected.join(", ")}.`,
      });
    } else if (index.has(column)) {
      errors.push({
        line: header.line,
        column: name,
        message: `Column ${column} appears twice (columns ${index.get(column)! + 1} and ${i + 1}).`,
      });
    } else index.set(column, i);
    columns.push(column);
  });
  for (const column of required) {
    if (!index.has(column))
      errors.push({ line: header.line, column, message: `Required column ${column} is missing.` });
  }
  const name = (c: string) => header.cells[index.get(c as C) ?? -1]?.trim() || c;
  return { columns, index, errors, name };
}

/** Problem+json path for a cell: "line 4 · tag". */
export const cellPath = (e: CsvCellError) => `line ${e.line} · ${e.column}`;

/** The column an error names when it concerns the whole file, or a whole record. */
export const FILE_COLUMN = "(file)";
export const ROW_COLUMN = "(row)";

export interface CsvTableSpec<C extends string> {
  /** Receives the normalised header name (see normaliseHeader). */
  columnOf: (key: string) => C | undefined;
  required: readonly C[];
  /** The column names a message lists as expected. */
  expected: readonly string[];
  maxRows: number;
}

export interface CsvTable<C extends string> {
  /** Null for an empty file. */
  header: (CsvHeader<C> & { record: CsvRecord }) | null;
  /** The records below the header. */
  records: CsvRecord[];
  /** What is wrong with the file as a whole or with its header; when any, the records are not read. */
  errors: CsvCellError[];
}

/**
 * An import file's header and records, after the checks every import makes before it reads a row,
 * in the same words: an empty file, the header's columns, no data rows, more rows than allowed.
 */
export function readCsvTable<C extends string>(text: string, spec: CsvTableSpec<C>): CsvTable<C> {
  const [first, ...records] = readCsvRecords(text);
  if (!first) {
    const message = `The file is empty; its first line must name the columns: ${spec.expected.join(", ")}.`;
    return { header: null, records: [], errors: [{ line: 1, column: FILE_COLUMN, message }] };
  }
  const header = { ...readCsvHeader(first, spec.columnOf, spec.required, spec.expected), record: first };
  const errors = [...header.errors];
  if (records.length === 0)
    errors.push({ line: first.line + 1, column: FILE_COLUMN, message: "The file has no data rows." });
  if (records.length > spec.maxRows)
    errors.push({
      line: records[spec.maxRows]!.line,
      column: FILE_COLUMN,
      message: `The file has ${records.length} rows; import at most ${spec.maxRows} at a time.`,
    });
  return { header, records, errors };
}
