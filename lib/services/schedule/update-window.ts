import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { windows } from "@/db/schema";
import { appendAudit, diffFields } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { windowUpdateSchema, type WindowUpdateInput } from "@/lib/schemas/schedule";
import { checkSequence } from "@/lib/services/base/stale-edit";
import { auditFields } from "./create-window";
import { lockedWindowFor } from "./find-window";
import { areaIdsFor, toLocal, untilLocal, type SiteContext } from "./site-context";
import { checkedBounds, windowDef, windowView, type WindowRow } from "./window-model";
import type { WindowView } from "@/lib/types/schedule";

export interface WriteOptions {
  /** The `sequence` the caller last saw (If-Match); a mismatch is a 409 instead of a lost update. */
  expectedSequence?: number;
}

type Patch = Partial<
  Pick<
    WindowRow,
    "kind" | "title" | "areaIds" | "localStart" | "durationMinutes" | "rrule" | "untilLocal" | "exdatesLocal"
  >
>;

/**
 * Applies a patch to a locked window: re-derives its bounds (which validates the whole
 * definition), bumps the ICS sequence so subscribed calendars pick up the change, and
 * records the field-level difference.
 */
export async function writeWindow(
  tx: Tx,
  actor: Actor,
  current: { row: WindowRow; site: SiteContext },
  patch: Patch,
  action: "window.update" | "window.cancel_occurrence" | "window.end_series",
  options: WriteOptions = {},
  reason: string | null = null,
): Promise<WindowView> {
  const { row, site } = current;
  await checkSequence(tx, { type: "window", noun: "window" }, row, options.expectedSequence);
  const next = { ...row, ...patch };
  const bounds = checkedBounds(windowDef(next, site.timeZone));
  const [saved] = await tx
    .update(windows)
    .set({ ...patch, ...bounds, sequence: row.sequence + 1, updatedAt: currentTime() })
    .where(eq(windows.id, row.id))
    .returning();
  const before = windowView(row, site);
  const after = windowView(saved!, site);
  const diff = diffFields(auditFields(before), auditFields(after));
  await appendAudit(tx, actor, {
    action,
    objectType: "window",
    objectId: row.id,
    siteId: site.id,
    before: diff?.before ?? {},
    after: diff?.after ?? {},
    reason,
  });
  return after;
}

export async function updateWindow(
  actor: Actor,
  id: string,
  input: WindowUpdateInput,
  options: WriteOptions = {},
): Promise<WindowView> {
  const data = windowUpdateSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockedWindowFor(tx, actor, id, "window.manage");
    const tz = current.site.timeZone;
    const patch: Patch = {};
    if (data.kind !== undefined) patch.kind = data.kind;
    if (data.title !== undefined) patch.title = data.title;
    if (data.areaCodes !== undefined) patch.areaIds = areaIdsFor(current.site, data.areaCodes);
    if (data.start !== undefined) patch.localStart = toLocal(data.start, tz);
    if (data.durationMinutes !== undefined) patch.durationMinutes = data.durationMinutes;
    if (data.rrule !== undefined) patch.rrule = data.rrule;
    if (data.until !== undefined) patch.untilLocal = data.until === null ? null : untilLocal(data.until, tz);
    return writeWindow(tx, actor, current, patch, "window.update", options);
  });
}
