import "server-only";
// Keeps signoff_slots (db/schema/signoff-slots.ts) equal to what the domain rule says a change
// waits for: every service that changes a change's state, content, assets or sign-offs calls
// refreshSignoffSlots in its transaction, which recomputes at the end of it (just before COMMIT,
// so the slots follow the transaction's last word). The approvals inbox reads the result.
import { and, asc, eq, inArray, notExists, or, sql } from "drizzle-orm";
import { beforeCommit, type Db, type Executor, type Tx } from "@/db/client";
import { assets, changeAssets, changes, signoffSlotSets, signoffSlots } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { OWING_STATES, openSignoffSlots } from "@/lib/domain/changes";
import type { ChangeState } from "@/lib/domain/constants";
import { loadContexts } from "./load";

/** States in which a change may still collect a sign-off (canSign's states). */
export const SLOT_STATES: readonly ChangeState[] = ["submitted", ...OWING_STATES];
const BATCH = 500;

/** Recomputes and stores the slots of these changes from their rows as they are now. */
export async function writeSignoffSlots(ex: Executor, changeIds: readonly string[]): Promise<void> {
  if (changeIds.length === 0) return;
  const ids = [...new Set(changeIds)].sort();
  // The set row first: it serialises two writers of one change's slots (and a first read's fill).
  await ex
    .insert(signoffSlotSets)
    .values(ids.map((changeId) => ({ changeId, computedAt: currentTime() })))
    .onConflictDoUpdate({ target: signoffSlotSets.changeId, set: { computedAt: sql`excluded.computed_at` } });
  await ex.delete(signoffSlots).where(inArray(signoffSlots.changeId, ids));
  const rows = await ex.select().from(changes).where(inArray(changes.id, ids));
  const values = (await loadContexts(ex, rows)).flatMap((ctx) =>
    openSignoffSlots(ctx.facts, ctx.counted, ctx.required).map((s, ordinal) => ({
      changeId: ctx.row.id,
      ordinal,
      ...s,
    })),
  );
  if (values.length) await ex.insert(signoffSlots).values(values);
}

const queued = new WeakMap<Tx, Set<string>>();

/** Marks these changes' slots for recomputation at the end of the transaction (at once in a savepoint). */
export async function refreshSignoffSlots(tx: Tx, ...changeIds: string[]): Promise<void> {
  const set = queued.get(tx);
  if (set) {
    for (const id of changeIds) set.add(id);
    return;
  }
  const ids = new Set(changeIds);
  if (beforeCommit(tx, () => writeSignoffSlots(tx, [...ids]))) queued.set(tx, ids);
  else await writeSignoffSlots(tx, [...ids]);
}

/**
 * After an asset's policy facts changed: the changes that may collect a sign-off and touch the
 * asset or a member of its redundancy group before or after the edit (a group's membership moves
 * the risk of every change holding its other members).
 */
export async function refreshSignoffSlotsOfAsset(
  tx: Tx,
  asset: { id: string; siteId: string },
  groups: readonly (string | null)[],
): Promise<void> {
  const named = groups.filter((g): g is string => !!g);
  const members = named.length
    ? tx
        .select({ id: assets.id })
        .from(assets)
        .where(and(eq(assets.siteId, asset.siteId), inArray(assets.redundancyGroup, named)))
    : null;
  const rows = await tx
    .selectDistinct({ id: changeAssets.changeId })
    .from(changeAssets)
    .innerJoin(changes, eq(changes.id, changeAssets.changeId))
    .where(
      and(
        inArray(changes.state, [...SLOT_STATES]),
        members
          ? or(eq(changeAssets.assetId, asset.id), inArray(changeAssets.assetId, members))
          : eq(changeAssets.assetId, asset.id),
      ),
    );
  if (rows.length) await refreshSignoffSlots(tx, ...rows.map((r) => r.id));
}

const filled = new WeakMap<Db, Promise<void>>();

/**
 * Changes that may wait for a sign-off but have never had their slots computed (written before
 * the table existed, or by a bulk load): computed once per database and process, on first read.
 */
export function fillMissingSignoffSlots(db: Db): Promise<void> {
  let done = filled.get(db);
  if (!done) {
    done = fill(db);
    filled.set(db, done);
    done.catch(() => filled.delete(db));
  }
  return done;
}

async function fill(db: Db): Promise<void> {
  for (;;) {
    const missing = await db
      .select({ id: changes.id })
      .from(changes)
      .where(
        and(
          inArray(changes.state, [...SLOT_STATES]),
          notExists(
            db
              .select({ x: sql`1` })
              .from(signoffSlotSets)
              .where(eq(signoffSlotSets.changeId, changes.id)),
          ),
        ),
      )
      .orderBy(asc(changes.id))
      .limit(BATCH);
    if (missing.length === 0) return;
    await db.transaction((tx) =>
      writeSignoffSlots(
        tx,
        missing.map((m) => m.id),
      ),
    );
  }
}
