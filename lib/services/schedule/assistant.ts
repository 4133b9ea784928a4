import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { assets, changeAssets, changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import type { ProductionImpact } from "@/lib/domain/constants";
import { localToUtc, proposeSlots, type Conflict, type ProposedSlot } from "@/lib/domain/schedule";
import { uuid } from "@/lib/schemas/common";
import {
  checkSlotSchema,
  proposeSlotsSchema,
  type CheckSlotInput,
  type ProposeSlotsInput,
} from "@/lib/schemas/schedule";
import { invalid, notFound } from "@/lib/services/errors";
import { needsDowntime, scheduleFindingsForChange } from "./conflicts-for-change";
import { loadScheduleFacts } from "./schedule-facts";
import { loadSite } from "./site-context";

const DAY_MS = 86_400_000;
export const ASSISTANT_HORIZON_DAYS = 90;
export const ASSISTANT_SLOT_COUNT = 5;

interface Draft {
  changeId: string | null;
  assetIds: string[];
  durationMinutes: number | null;
  expectedDowntimeMinutes: number;
  productionImpact: ProductionImpact;
}

/** Assets the actor may plan against: every one must be at a site where they can see the schedule. */
async function visibleAssets(ex: Executor, actor: Actor, ids: readonly string[]) {
  const rows = await ex
    .select({ id: assets.id, siteId: assets.siteId })
    .from(assets)
    .where(inArray(assets.id, [...new Set(ids)]));
  const seen = new Set(
    rows.filter((r) => hasSitePermission(actor, "window.view", r.siteId)).map((r) => r.id),
  );
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length) throw notFound(`Asset ${missing[0]}`);
  return rows;
}

/** The saved change as a draft: its assets, its planned duration and its impact. */
async function draftOfChange(ex: Executor, actor: Actor, changeId: string): Promise<Draft> {
  if (!uuid.safeParse(changeId).success) throw notFound("Change");
  const [row] = await ex.select().from(changes).where(eq(changes.id, changeId));
  if (!row || !row.siteIds.some((s) => hasSitePermission(actor, "change.view", s))) throw notFound("Change");
  const links = await ex
    .select({ assetId: changeAssets.assetId })
    .from(changeAssets)
    .where(eq(changeAssets.changeId, changeId));
  const slotMinutes =
    row.plannedStart && row.plannedEnd
      ? Math.round((row.plannedEnd.getTime() - row.plannedStart.getTime()) / 60_000)
      : null;
  return {
    changeId,
    assetIds: links.map((l) => l.assetId),
    durationMinutes: slotMinutes,
    expectedDowntimeMinutes: row.expectedDowntimeMinutes,
    productionImpact: row.productionImpact,
  };
}

/**
 * The next conflict-free slots (at least five when the schedule has room) within 90 days
 * for a saved change or a draft. Proposals come from the same rules the gate applies, so
 * none of them would be refused for scheduling reasons.
 */
export async function proposeSlotsForChange(
  actor: Actor,
  input: ProposeSlotsInput,
  now: Date = new Date(),
): Promise<{ slots: ProposedSlot[]; from: Date; until: Date; durationMinutes: number }> {
  const data = proposeSlotsSchema.parse(input);
  const db = await getDb();
  const draft: Draft = data.changeId
    ? await draftOfChange(db, actor, data.changeId)
    : {
        changeId: null,
        assetIds: data.assetIds!,
        durationMinutes: null,
        expectedDowntimeMinutes: data.expectedDowntimeMinutes,
        productionImpact: data.productionImpact,
      };
  const durationMinutes = data.durationMinutes ?? draft.durationMinutes;
  if (!durationMinutes)
    throw invalid("Give the duration in minutes: the change has no planned slot yet.", [
      { path: "durationMinutes", message: "Required when the change has no planned slot." },
    ]);
  if (draft.assetIds.length === 0)
    throw invalid("The change has no affected assets yet.", [
      { path: "assetIds", message: "Pick at least one asset." },
    ]);
  await visibleAssets(db, actor, draft.assetIds);
  const from = data.from ? new Date(data.from) : now;
  const until = new Date(from.getTime() + ASSISTANT_HORIZON_DAYS * DAY_MS);
  const facts = await loadScheduleFacts(db, {
    changeId: draft.changeId,
    assetIds: draft.assetIds,
    from,
    to: new Date(until.getTime() + durationMinutes * 60_000),
    now,
  });
  const slots = proposeSlots(
    { ...facts, needsDowntime: needsDowntime(draft) },
    { from, durationMinutes, count: ASSISTANT_SLOT_COUNT, horizonDays: ASSISTANT_HORIZON_DAYS },
  );
  return { slots, from, until, durationMinutes };
}

/**
 * Every finding for a proposed slot, blocking or not, for the change form while planning.
 * Site-local times are read in the zone of the assets' site (one site, or several sharing a zone).
 */
export async function checkSlot(
  actor: Actor,
  input: CheckSlotInput,
  now: Date = new Date(),
): Promise<{ conflicts: Conflict[]; blocking: boolean }> {
  const data = checkSlotSchema.parse(input);
  const db = await getDb();
  const rows = await visibleAssets(db, actor, data.assetIds);
  const resolve = async (when: typeof data.start, path: string): Promise<Date> => {
    if ("instant" in when) return when.instant;
    const zones = new Set<string>();
    for (const siteId of new Set(rows.map((r) => r.siteId)))
      zones.add((await loadSite(db, { id: siteId }))!.timeZone);
    if (zones.size !== 1)
      throw invalid("The assets are in several time zones; give the time with an offset or Z.", [
        { path, message: "Give an offset or Z." },
      ]);
    return localToUtc(when.local, [...zones][0]!);
  };
  const start = await resolve(data.start, "start");
  const end = await resolve(data.end, "end");
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
    },
    now,
  );
  return { conflicts, blocking: conflicts.some((c) => c.blocking) };
}
