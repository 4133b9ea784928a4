import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { changeAssets, changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ProductionImpact } from "@/lib/domain/constants";
import { proposeSlots, type ProposedSlot } from "@/lib/domain/schedule";
import { uuid } from "@/lib/schemas/common";
import { proposeSlotsSchema, type ProposeSlotsInput } from "@/lib/schemas/schedule";
import { invalid, notFound } from "@/lib/services/base/errors";
import { needsDowntime } from "./conflicts-for-change";
import { loadScheduleFacts } from "./schedule-facts";
import { canViewChange } from "../changes/internal/access";
import { visibleAssets } from "./visible-assets";

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

/** The saved change as a draft: its assets, its planned duration and its impact. */
async function draftOfChange(ex: Executor, actor: Actor, changeId: string): Promise<Draft> {
  if (!uuid.safeParse(changeId).success) throw notFound("Change");
  const [row] = await ex.select().from(changes).where(eq(changes.id, changeId));
  // As everywhere else, a multi-site change exists only for someone who may see all its sites.
  if (!row || !canViewChange(actor, row.siteIds)) throw notFound("Change");
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
  now: Date = currentTime(),
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
  const known = { assets: await visibleAssets(db, actor, draft.assetIds) };
  const from = data.from ? new Date(data.from) : now;
  const until = new Date(from.getTime() + ASSISTANT_HORIZON_DAYS * DAY_MS);
  const facts = await loadScheduleFacts(db, {
    changeId: draft.changeId,
    assetIds: draft.assetIds,
    from,
    to: new Date(until.getTime() + durationMinutes * 60_000),
    now,
    known,
  });
  const slots = proposeSlots(
    { ...facts, needsDowntime: needsDowntime(draft) },
    { from, durationMinutes, count: ASSISTANT_SLOT_COUNT, horizonDays: ASSISTANT_HORIZON_DAYS },
  );
  return { slots, from, until, durationMinutes };
}
