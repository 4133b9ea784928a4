import type { CsvCellError } from "@/lib/csv/read";
import type { RunCriticality, RunKind, WindowKind } from "@/lib/domain/constants";
import type { Occurrence } from "@/lib/domain/schedule/types";

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

/** API.md "Production run", plus site-local times. */
export interface RunView {
  id: string;
  siteCode: string;
  areaCode: string;
  title: string;
  kind: RunKind;
  criticality: RunCriticality;
  start: Date;
  end: Date;
  localStart: string;
  localEnd: string;
  timeZone: string;
  zoneAbbr: string;
  /** A turnaround counts as a maintenance window for its area. */
  opensWindow: boolean;
  sequence: number;
}

/** A window definition as the API and the UI show it (API.md "Window"). */
export interface WindowView {
  id: string;
  siteCode: string;
  kind: WindowKind;
  title: string;
  areaCodes: string[];
  /** Site-local "YYYY-MM-DDTHH:mm". */
  start: string;
  durationMinutes: number;
  rrule: string | null;
  until: string | null;
  cancelledOccurrences: string[];
  timeZone: string;
  summary: string;
  sequence: number;
  updatedAt: Date;
}

/** API.md "occurrence": the domain's occurrence, its site and areas named by code. */
export type OccurrenceView = Omit<Occurrence, "siteId" | "areaIds"> & {
  siteCode: string;
  areaCodes: string[];
};
