import "server-only";
import { currentTime } from "@/lib/clock";
// The scheduling rules as the change services need them: at submit (is the planned slot
// acceptable?) and at the deployment gate (may it start now?). Both load the facts inside
// the caller's transaction and judge with the same pure detectConflicts.
import type { Executor } from "@/db/client";
import type { ProductionImpact } from "@/lib/domain/constants";
import { detectConflicts, type Conflict } from "@/lib/domain/schedule";
import {
  loadScheduleRows,
  scheduleFactsFrom,
  type KnownAssets,
  type ScheduleRequest,
  type ScheduleRows,
} from "./schedule-facts";

export interface ChangeForScheduling {
  /** Null for a change not saved yet (the change form's live check). */
  id: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  expectedDowntimeMinutes: number;
  productionImpact: ProductionImpact;
  assetIds: readonly string[];
  /** The assets and their groups' members as the caller loaded them (skips those queries). */
  known?: KnownAssets;
}

const DAY_MS = 86_400_000;
/** How far past the slot to look for "next window opens …" in an outside-window message. */
const NEXT_WINDOW_HORIZON_DAYS = 31;

export function needsDowntime(
  change: Pick<ChangeForScheduling, "expectedDowntimeMinutes" | "productionImpact">,
): boolean {
  return change.expectedDowntimeMinutes > 0 || change.productionImpact !== "none";
}

/** What the scheduling rules are asked about the change's slot; null when there is nothing to judge. */
export function schedulingRequest(change: ChangeForScheduling): ScheduleRequest | null {
  const { plannedStart: start, plannedEnd: end } = change;
  if (!start || !end || end.getTime() <= start.getTime() || change.assetIds.length === 0) return null;
  return {
    changeId: change.id,
    assetIds: change.assetIds,
    from: start,
    to: new Date(end.getTime() + NEXT_WINDOW_HORIZON_DAYS * DAY_MS),
    known: change.known,
  };
}

/** Pure: the findings for the change's slot from rows loaded for it or for a batch it is in. */
export function findingsFrom(rows: ScheduleRows, change: ChangeForScheduling, now: Date): Conflict[] {
  const request = schedulingRequest(change);
  if (!request) return [];
  const facts = scheduleFactsFrom(rows, request, now);
  if (facts.assets.length === 0) return [];
  return detectConflicts({
    ...facts,
    needsDowntime: needsDowntime(change),
    slot: { start: change.plannedStart!, end: change.plannedEnd! },
  });
}

/**
 * Every finding for the slot, blocking or not: clashes with changes that are merely
 * scheduled (submitted/approved) come back with `blocking: false` so planners can avoid them.
 * `now` decides how long an overrunning in-progress change is assumed to hold its assets.
 */
export async function scheduleFindingsForChange(
  ex: Executor,
  change: ChangeForScheduling,
  now: Date = currentTime(),
): Promise<Conflict[]> {
  const request = schedulingRequest(change);
  if (!request) return [];
  return findingsFrom(await loadScheduleRows(ex, [request]), change, now);
}

/** Pure: the blocking findings (see scheduleConflictsForChange) from rows loaded for a batch. */
export function blockingFrom(rows: ScheduleRows, change: ChangeForScheduling, at: Date): Conflict[] {
  return findingsFrom(rows, change, at).filter((c) => c.blocking);
}

/**
 * The conflicts that block the change: submit refuses with them, the gate merges them into
 * its reasons. `at` given: evaluated for starting at that instant (the gate), so changes
 * that are in progress then, even past their own slot, hold their assets. Without a planned
 * slot there is nothing to judge here (the gate reports the missing slot itself).
 */
export async function scheduleConflictsForChange(
  tx: Executor,
  change: ChangeForScheduling,
  at?: Date,
): Promise<Conflict[]> {
  const found = await scheduleFindingsForChange(tx, change, at ?? currentTime());
  return found.filter((c) => c.blocking);
}
