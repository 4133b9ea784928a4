// What the asset services return, for pages, components and the API alike.
import type { CsvCellError } from "@/lib/csv/read";
import type { AssetKind, Criticality, Exposure } from "@/lib/domain/constants";

/**
 * The Asset resource of the API contract, plus what screens need. `version` is the firmware or
 * software version (contract field); the optimistic-concurrency counter is `rowVersion`.
 */
export interface AssetView {
  id: string;
  siteCode: string;
  areaCode: string | null;
  tag: string;
  name: string;
  kind: AssetKind;
  vendor: string;
  product: string;
  modelNumber: string;
  version: string;
  purdueLevel: number | null;
  zone: string;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  exposure: Exposure;
  redundancyGroup: string | null;
  rowVersion: number;
  siteId: string;
  siteName: string;
  siteTimeZone: string;
  areaName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AssetHistoryEvent {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  /** True when every row is valid (dry run) or every row was written (import). */
  ok: boolean;
  siteCode: string;
  rowCount: number;
  validCount: number;
  created: number;
  /** Every problem found, sorted by line; at most MAX_LISTED_ERRORS of them (see errorCount). */
  errors: CsvCellError[];
  errorCount: number;
}
