import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { productionRuns } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import {
  RUN_CSV_COLUMNS,
  RUN_CSV_HEADER_ALIASES,
  runCsvRowSchema,
  runImportSchema,
  type RunImportInput,
} from "@/lib/schemas/schedule";
import { ROW_COLUMN, cellPath, readCsvTable, type CsvCellError } from "@/lib/csv/read";
import { ServiceError } from "@/lib/services/base/errors";
import { MAX_RUN_DAYS, auditRun, runView } from "./run-model";
import { siteFor, toInstant, type SiteContext } from "./site-context";
import type { RunView } from "@/lib/types/schedule";

export const MAX_RUN_IMPORT_ROWS = 5000;

/** A bad cell or row; the header is line 1. */
export type RowError = CsvCellError;

export interface RunImportResult {
  dryRun: boolean;
  valid: boolean;
  /** Rows that would be (or were) imported. */
  count: number;
  errors: RowError[];
  /** The runs as they would be stored; on a real import, the stored runs. */
  runs: RunView[];
}

type Column = (typeof RUN_CSV_COLUMNS)[number];
type Parsed = {
  line: number;
  values: {
    siteId: string;
    areaId: string;
    title: string;
    kind: RunView["kind"];
    criticality: RunView["criticality"];
    start: Date;
    end: Date;
  };
};

function readFile(text: string, site: SiteContext): { rows: Parsed[]; errors: RowError[] } {
  const table = readCsvTable(text, {
    columnOf: (key) => RUN_CSV_HEADER_ALIASES[key] ?? RUN_CSV_COLUMNS.find((c) => c === key),
    required: RUN_CSV_COLUMNS,
    expected: RUN_CSV_COLUMNS,
    maxRows: MAX_RUN_IMPORT_ROWS,
  });
  const { header, records: body, errors } = table;
  if (!header || errors.length) return { rows: [], errors };
  const { index, name: label } = header;
  const rows: Parsed[] = [];
  for (const rec of body) {
    if (rec.error) {
      errors.push({ line: rec.line, column: ROW_COLUMN, message: rec.error });
      continue;
    }
    const raw = Object.fromEntries(RUN_CSV_COLUMNS.map((c) => [c, rec.cells[index.get(c)!] ?? ""]));
    const parsed = runCsvRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = (issue.path[0] as Column | undefined) ?? "areaCode";
        errors.push({ line: rec.line, column: label(col), message: issue.message });
      }
      continue;
    }
    const d = parsed.data;
    const area = site.areas.find((a) => a.code === d.areaCode);
    if (!area)
      errors.push({
        line: rec.line,
        column: label("areaCode"),
        message: `Site ${site.code} has no area ${d.areaCode}.`,
      });
    const start = toInstant(d.start, site.timeZone);
    const end = toInstant(d.end, site.timeZone);
    if (end.getTime() <= start.getTime())
      errors.push({ line: rec.line, column: label("end"), message: "The run must end after it starts." });
    else if (end.getTime() - start.getTime() > MAX_RUN_DAYS * 86_400_000) {
      errors.push({
        line: rec.line,
        column: label("end"),
        message: `A run may last at most ${MAX_RUN_DAYS} days.`,
      });
    }
    if (area)
      rows.push({
        line: rec.line,
        values: {
          siteId: site.id,
          areaId: area.id,
          title: d.title,
          kind: d.kind,
          criticality: d.criticality,
          start,
          end,
        },
      });
  }
  return { rows, errors };
}

/**
 * Production schedule from CSV (columns area,title,kind,criticality,start,end; times in
 * site-local wall time unless they carry an offset). All or nothing: one bad cell and
 * nothing is written; every bad cell is reported with its line and column.
 */
export async function importRunsCsv(actor: Actor, input: RunImportInput): Promise<RunImportResult> {
  const data = runImportSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const site = await siteFor(tx, actor, data.siteCode, "production.manage");
    const { rows, errors } = readFile(data.csvText, site);
    if (errors.length) {
      if (data.dryRun) return { dryRun: true, valid: false, count: 0, errors, runs: [] };
      throw new ServiceError("invalid", `Nothing was imported: ${errors.length} problem(s) in the file.`, {
        errors: errors.map((e) => ({
          path: cellPath(e),
          message: e.message,
        })),
        rowErrors: errors,
      });
    }
    const preview = (id: string, v: Parsed["values"]) =>
      runView(
        {
          id,
          ...v,
          sequence: 0,
          deletedAt: null,
          createdBy: actor.userId,
          createdAt: currentTime(),
          updatedAt: currentTime(),
        },
        site,
      );
    if (data.dryRun)
      return {
        dryRun: true,
        valid: true,
        count: rows.length,
        errors: [],
        runs: rows.map((r) => preview("", r.values)),
      };
    const stored: RunView[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500).map((r) => ({ ...r.values, createdBy: actor.userId }));
      const saved = await tx.insert(productionRuns).values(batch).returning();
      stored.push(...saved.map((s) => runView(s, site)));
    }
    await appendAudit(tx, actor, {
      action: "production_run.import",
      objectType: "production_run",
      objectId: null,
      siteId: site.id,
      after: { count: stored.length, runs: stored.map((r) => ({ id: r.id, ...auditRun(r) })) },
    });
    return { dryRun: false, valid: true, count: stored.length, errors: [], runs: stored };
  });
}
