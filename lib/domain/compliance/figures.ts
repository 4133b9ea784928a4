// Pure figures of the compliance dashboard: percentiles, the trail-versus-table cross-check,
// the emergency retrospective clock and the CIP-010 R1.3 baseline deadline.
import { EMERGENCY_RETRO_HOURS } from "../changes/evaluation";
import type { TrailStart } from "./started";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** CIP-010 R1.3: the baseline is updated within 30 calendar days of completing the change. */
export const BASELINE_DEADLINE_DAYS = 30;

/** Nearest-rank percentile (p in 0..100) of the values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface LeadTime {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export function leadTime(pairs: readonly { from: Date | null; to: Date | null }[]): LeadTime {
  const hours = pairs
    .filter((p): p is { from: Date; to: Date } => p.from !== null && p.to !== null)
    .map((p) => (p.to.getTime() - p.from.getTime()) / HOUR_MS)
    .filter((h) => h >= 0);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: hours.length,
    medianHours: round(percentile(hours, 50)),
    p90Hours: round(percentile(hours, 90)),
  };
}

export interface TableStart {
  changeId: string;
  number: string;
  actualStart: Date | null;
}

export type MismatchKind = "no_start_event" | "not_started_in_table" | "started_before_gate";

export interface Mismatch {
  changeId: string;
  number: string;
  kind: MismatchKind;
  message: string;
  trailAt: Date | null;
  tableAt: Date | null;
}

/** A start stamped in the table within this long before its event is the same start (clock and transaction). */
const SAME_START_MS = 60_000;

/**
 * Changes the trail and the change table disagree about: started in the table without any start
 * event (someone wrote the table directly), a start event for a change the table does not show
 * as started, or a table start earlier than the gate opened. `table` holds the table's changes
 * started in the period, `tableById` the table's view of every change the trail started, and
 * `trailAtOf` the trail's start of every change in either list (at any time).
 */
export function startMismatches(
  trail: readonly TrailStart[],
  table: readonly TableStart[],
  tableById: ReadonlyMap<string, TableStart>,
  trailAtOf: ReadonlyMap<string, Date>,
): Mismatch[] {
  const out = new Map<string, Mismatch>();
  const early = (row: TableStart, trailAt: Date) =>
    row.actualStart !== null && row.actualStart.getTime() < trailAt.getTime() - SAME_START_MS;
  const beforeGate = (row: TableStart, trailAt: Date): Mismatch => ({
    changeId: row.changeId,
    number: row.number,
    kind: "started_before_gate",
    message: "The change table records a start before the deployment gate opened",
    trailAt,
    tableAt: row.actualStart,
  });
  for (const row of table) {
    const trailAt = trailAtOf.get(row.changeId);
    if (!trailAt)
      out.set(row.changeId, {
        changeId: row.changeId,
        number: row.number,
        kind: "no_start_event",
        message: "Started according to the change table, but the audit trail has no start event for it",
        trailAt: null,
        tableAt: row.actualStart,
      });
    else if (early(row, trailAt)) out.set(row.changeId, beforeGate(row, trailAt));
  }
  for (const t of trail) {
    const row = tableById.get(t.changeId);
    if (!row || !row.actualStart)
      out.set(t.changeId, {
        changeId: t.changeId,
        number: t.number,
        kind: "not_started_in_table",
        message: "The audit trail records a start, but the change table shows none",
        trailAt: t.startedAt,
        tableAt: null,
      });
    else if (early(row, t.startedAt)) out.set(t.changeId, beforeGate(row, t.startedAt));
  }
  return [...out.values()].sort((a, b) => a.number.localeCompare(b.number));
}

export type RetroStatus = "on_time" | "late" | "overdue" | "pending";

/** Rule 7's clock for one retrospective sign-off of an emergency change. */
export function retrospectiveStatus(
  approvedAt: Date,
  signedAt: Date | null,
  now: Date,
): {
  status: RetroStatus;
  dueAt: Date;
} {
  const dueAt = new Date(approvedAt.getTime() + EMERGENCY_RETRO_HOURS * HOUR_MS);
  if (signedAt) return { status: signedAt.getTime() <= dueAt.getTime() ? "on_time" : "late", dueAt };
  return { status: now.getTime() > dueAt.getTime() ? "overdue" : "pending", dueAt };
}

/** Days from implementation to the baseline update (the closing review), and whether that was too long. */
export function baselineDelay(implementedAt: Date, baselineAt: Date): { days: number; late: boolean } {
  const days = (baselineAt.getTime() - implementedAt.getTime()) / DAY_MS;
  return { days: Math.round(days * 10) / 10, late: days > BASELINE_DEADLINE_DAYS };
}
