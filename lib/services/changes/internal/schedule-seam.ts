import "server-only";
// The one place the change services reach into scheduling (windows, blackouts, production
// runs, redundancy), so the gate and submit pick up those rules without knowing them.
import type { Executor } from "@/db/client";
import type { ScheduleConflict, ScheduleConflictCode } from "@/lib/domain/changes";
import type { Conflict } from "@/lib/domain/schedule";
import {
  blockingFrom,
  scheduleConflictsForChange,
  type ChangeForScheduling,
} from "@/lib/services/schedule/conflicts-for-change";
import type { KnownAssets, ScheduleRows } from "@/lib/services/schedule/schedule-facts";
import type { ChangeRow } from "./load";

type SchedulingFields = Pick<
  ChangeRow,
  "id" | "plannedStart" | "plannedEnd" | "expectedDowntimeMinutes" | "productionImpact"
>;

/** The change as the scheduling rules see it. */
export function forScheduling(
  change: SchedulingFields,
  assetIds: readonly string[],
  known?: KnownAssets,
): ChangeForScheduling {
  return {
    id: change.id,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    expectedDowntimeMinutes: change.expectedDowntimeMinutes,
    productionImpact: change.productionImpact,
    assetIds: [...assetIds],
    known,
  };
}

/**
 * Only the stable part travels on: code, message and what the conflict is with. The rest
 * (overlap instants, blocking flag) belongs to the scheduling views.
 */
function asGateConflicts(found: readonly Conflict[]): ScheduleConflict[] {
  return found.map((c) => {
    const extra = c as { objectType?: string | null; objectId?: string | null };
    return {
      code: c.code as ScheduleConflictCode,
      message: c.message,
      data: { objectType: extra.objectType ?? null, objectId: extra.objectId ?? null },
    };
  });
}

/**
 * `at` given: may the change start at that instant (gate); absent: does the planned slot as a
 * whole fit (submit). Codes come from the scheduling rules and are passed through verbatim.
 */
export async function loadScheduleConflicts(
  tx: Executor,
  change: SchedulingFields,
  assetIds: readonly string[],
  at?: Date,
  known?: KnownAssets,
): Promise<ScheduleConflict[]> {
  return asGateConflicts(await scheduleConflictsForChange(tx, forScheduling(change, assetIds, known), at));
}

/** Pure: the gate's blocking conflicts at `at` from schedule rows loaded for a batch of changes. */
export function gateConflictsFrom(
  rows: ScheduleRows,
  change: SchedulingFields,
  assetIds: readonly string[],
  at: Date,
  known?: KnownAssets,
): ScheduleConflict[] {
  return asGateConflicts(blockingFrom(rows, forScheduling(change, assetIds, known), at));
}
