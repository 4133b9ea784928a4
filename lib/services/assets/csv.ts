import { ROW_COLUMN, normaliseHeader, readCsvTable, type CsvCellError } from "@/lib/csv/read";
import { toSafeCsv, unescapeFormula } from "@/lib/csv/write";
import {
  ASSET_CSV_COLUMNS,
  ASSET_CSV_REQUIRED,
  assetCsvRowSchema,
  type AssetCsvColumn,
  type AssetCsvRow,
} from "@/lib/schemas/assets";

export interface ParsedAssetCsv {
  rows: { line: number; row: AssetCsvRow }[];
  /** Rows that parsed but failed validation are not in `rows`. */
  errors: CsvCellError[];
  rowCount: number;
  /** Tag and area as written on every row with the right number of values, valid or not, for the database checks. */
  cells: { line: number; tag: string; areaCode: string }[];
  /** How the file spells each column, so later checks name the column as the user wrote it. */
  headerName: (column: string) => string;
}

export const MAX_IMPORT_ROWS = 5000;
const MAX_REPORTED_ERRORS = 1000;

const ALIASES: Record<string, AssetCsvColumn | "siteCode"> = {
  area: "areaCode",
  model: "modelNumber",
  ordernumber: "modelNumber",
  firmware: "version",
  firmwareversion: "version",
  purdue: "purdueLevel",
  safety: "safetyRelated",
  reachability: "exposure",
  redundancy: "redundancyGroup",
  site: "siteCode",
};
const COLUMN_BY_KEY = new Map<string, AssetCsvColumn | "siteCode">([
  ...ASSET_CSV_COLUMNS.map((c) => [normaliseHeader(c), c] as const),
  ["sitecode", "siteCode"],
  ...Object.entries(ALIASES),
]);

/**
 * Reads and validates an asset import file without touching the database: header, every cell of
 * every row, and tags repeated within the file. Area and inventory checks need the database and
 * are the caller's.
 */
export function parseAssetCsv(text: string, siteCode: string): ParsedAssetCsv {
  const table = readCsvTable(text, {
    columnOf: (key) => COLUMN_BY_KEY.get(key),
    required: ASSET_CSV_REQUIRED,
    expected: ASSET_CSV_COLUMNS,
    maxRows: MAX_IMPORT_ROWS,
  });
  const { header, records: data } = table;
  const errors = table.errors;
  const headerName = header?.name ?? ((c: string) => c);
  // Without a usable header every row would report the same problem again.
  if (!header || errors.length) return { rows: [], errors, rowCount: data.length, cells: [], headerName };
  const { columns } = header;
  const width = header.record.cells.length;

  const rows: ParsedAssetCsv["rows"] = [];
  const cells: ParsedAssetCsv["cells"] = [];
  const firstLineOfTag = new Map<string, number>();
  for (const rec of data) {
    if (errors.length >= MAX_REPORTED_ERRORS) break;
    if (rec.error) {
      errors.push({ line: rec.line, column: ROW_COLUMN, message: rec.error });
      continue;
    }
    if (rec.cells.length !== width) {
      errors.push({
        line: rec.line,
        column: ROW_COLUMN,
        message: `The row has ${rec.cells.length} values; the header has ${width} columns.`,
      });
      continue;
    }
    const input: Record<string, string> = Object.fromEntries(ASSET_CSV_COLUMNS.map((c) => [c, ""]));
    let siteCell: string | null = null;
    columns.forEach((c, i) => {
      const cell = unescapeFormula(rec.cells[i] ?? "");
      if (c === "siteCode") siteCell = cell.trim();
      else if (c) input[c] = cell;
    });
    const cellErrors: CsvCellError[] = [];
    if (siteCell && (siteCell as string).toUpperCase() !== siteCode.toUpperCase()) {
      cellErrors.push({
        line: rec.line,
        column: headerName("siteCode"),
        message: `This import is for site ${siteCode}; the row names site ${(siteCell as string).slice(0, 32)}.`,
      });
    }
    const parsed = assetCsvRowSchema.safeParse(input);
    if (!parsed.success) {
      const byColumn = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? ROW_COLUMN);
        // One message per cell is enough; zod may report a pattern and a length problem together.
        if (byColumn.has(column)) continue;
        byColumn.add(column);
        cellErrors.push({ line: rec.line, column: headerName(column), message: issue.message });
      }
    }
    cells.push({ line: rec.line, tag: input.tag!.trim(), areaCode: input.areaCode!.trim().toUpperCase() });
    const tagKey = input.tag!.trim().toLowerCase();
    if (tagKey) {
      const first = firstLineOfTag.get(tagKey);
      if (first !== undefined)
        cellErrors.push({
          line: rec.line,
          column: headerName("tag"),
          message: `Tag ${input.tag!.trim()} already appears on line ${first} of this file.`,
        });
      else firstLineOfTag.set(tagKey, rec.line);
    }
    if (cellErrors.length || !parsed.success) errors.push(...cellErrors);
    else rows.push({ line: rec.line, row: parsed.data });
  }
  return { rows, errors: errors.slice(0, MAX_REPORTED_ERRORS), rowCount: data.length, cells, headerName };
}

/** The downloadable template: the header and one example row. */
export function importTemplateCsv(): string {
  return toSafeCsv(ASSET_CSV_COLUMNS, [
    {
      tag: "PLC-201A",
      name: "Reactor 201 main PLC (A)",
      kind: "plc",
      areaCode: "",
      vendor: "Siemens",
      product: "SIMATIC S7-1500",
      modelNumber: "6ES7511-1AL03-0AB0",
      version: "V3.1.2",
      purdueLevel: 1,
      zone: "Control-201",
      criticality: "production_critical",
      safetyRelated: "no",
      gxp: "yes",
      exposure: "plant_network",
      redundancyGroup: "R201-PLC",
    },
  ]);
}
