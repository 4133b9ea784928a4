import type { CsvCellError } from "@/lib/csv/read";
import type { RunCriticality, RunKind } from "@/lib/domain/constants";

/** A production-run import as the import page shows it: the verdict, every bad cell, the first rows. */
export interface RunImportReport {
  dryRun: boolean;
  valid: boolean;
  count: number;
  errors: CsvCellError[];
  /** The first rows as they would be stored, for the reader to eyeball. */
  sample: {
    title: string;
    areaCode: string;
    kind: RunKind;
    criticality: RunCriticality;
    localStart: string;
    localEnd: string;
  }[];
}
