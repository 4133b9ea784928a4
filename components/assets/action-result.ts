import type { CsvCellError } from "@/lib/csv/read";

/** What the asset server actions hand back to the browser: never a raw error. */
export type AssetActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      /** A stale edit: the plain-language message already names who and when. */
      stale?: boolean;
      /** An import refused: every bad cell. */
      rowErrors?: CsvCellError[];
    };
