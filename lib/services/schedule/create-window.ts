import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { windows } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { windowCreateSchema, type WindowCreateInput } from "@/lib/schemas/schedule";
import { areaIdsFor, siteFor, toLocal, untilLocal } from "./site-context";
import { checkedBounds, windowDef, windowView } from "./window-model";
import type { WindowView } from "@/lib/types/schedule";

export async function createWindow(actor: Actor, input: WindowCreateInput): Promise<WindowView> {
  const data = windowCreateSchema.parse(input);
  const now = currentTime();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const site = await siteFor(tx, actor, data.siteCode, "window.manage");
    const values = {
      siteId: site.id,
      kind: data.kind,
      title: data.title,
      areaIds: areaIdsFor(site, data.areaCodes),
      localStart: toLocal(data.start, site.timeZone),
      durationMinutes: data.durationMinutes,
      rrule: data.rrule,
      untilLocal: data.until === null ? null : untilLocal(data.until, site.timeZone),
      exdatesLocal: [] as string[],
    };
    const bounds = checkedBounds(windowDef({ id: "new", ...values }, site.timeZone));
    const [row] = await tx
      .insert(windows)
      .values({ ...values, ...bounds, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    const view = windowView(row!, site);
    await appendAudit(tx, actor, {
      action: "window.create",
      objectType: "window",
      objectId: row!.id,
      siteId: site.id,
      after: auditFields(view),
    });
    return view;
  });
}

/** What the trail records of a window: its definition as the people who manage it read it. */
export function auditFields(v: WindowView) {
  return {
    kind: v.kind,
    title: v.title,
    areaCodes: v.areaCodes,
    start: v.start,
    durationMinutes: v.durationMinutes,
    rrule: v.rrule,
    until: v.until,
    cancelledOccurrences: v.cancelledOccurrences,
    timeZone: v.timeZone,
    summary: v.summary,
  };
}
