import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { localToUtc, type Conflict } from "@/lib/domain/schedule";
import { checkSlotSchema, type CheckSlotInput } from "@/lib/schemas/schedule";
import { invalid } from "@/lib/services/base/errors";
import { scheduleFindingsForChange } from "./conflicts-for-change";
import { visibleAssets } from "./visible-assets";

/**
 * Every finding for a proposed slot, blocking or not, for the change form while planning.
 * Site-local times are read in the zone of the assets' site (one site, or several sharing a zone).
 */
export async function checkSlot(
  actor: Actor,
  input: CheckSlotInput,
  now: Date = currentTime(),
): Promise<{ conflicts: Conflict[]; blocking: boolean }> {
  const data = checkSlotSchema.parse(input);
  const db = await getDb();
  const rows = await visibleAssets(db, actor, data.assetIds);
  const zones = new Set(rows.map((r) => r.timeZone));
  const resolve = (when: typeof data.start, path: string): Date => {
    if ("instant" in when) return when.instant;
    if (zones.size !== 1)
      throw invalid("The assets are in several time zones; give the time with an offset or Z.", [
        { path, message: "Give an offset or Z." },
      ]);
    return localToUtc(when.local, [...zones][0]!);
  };
  const start = resolve(data.start, "start");
  const end = resolve(data.end, "end");
  if (end.getTime() <= start.getTime())
    throw invalid("The slot must end after it starts.", [
      { path: "end", message: "Must be after the start." },
    ]);
  const conflicts = await scheduleFindingsForChange(
    db,
    {
      id: data.changeId,
      plannedStart: start,
      plannedEnd: end,
      expectedDowntimeMinutes: data.expectedDowntimeMinutes,
      productionImpact: data.productionImpact,
      assetIds: data.assetIds,
      known: { assets: rows },
    },
    now,
  );
  return { conflicts, blocking: conflicts.some((c) => c.blocking) };
}
