import "server-only";
import { desc, eq, inArray, lt, and, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assets, auditEvents, changes, sites, users } from "@/db/schema";
import type { AuditEventView } from "@/lib/types/audit";
import { UUID_RE } from "@/lib/services/base/match";

export type { AuditEventView };

/** Newest first, keyset by id (the chain order): `beforeId` is the last id of the previous page. */
export async function fetchEvents(db: Executor, where: SQL, opts: { beforeId?: number; limit: number }) {
  return db
    .select({
      event: auditEvents,
      siteCode: sites.code,
      timeZone: sites.timeZone,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(sites, eq(sites.id, auditEvents.siteId))
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(opts.beforeId === undefined ? where : and(where, lt(auditEvents.id, opts.beforeId)))
    .orderBy(desc(auditEvents.id))
    .limit(opts.limit);
}

type EventRow = Awaited<ReturnType<typeof fetchEvents>>[number];

export const labelKey = (objectType: string, objectId: string | null) => `${objectType}:${objectId}`;

/** What an event is about. */
export interface ObjectRef {
  objectType: string;
  objectId: string | null;
}

/** Change numbers and asset tags of the events' objects, keyed `type:id` (labelKey). */
export async function objectLabels(db: Executor, refs: readonly ObjectRef[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(
      refs.filter((r) => r.objectType === type && UUID_RE.test(r.objectId ?? "")).map((r) => r.objectId!),
    ),
  ];
  const changeIds = idsOf("change");
  const assetIds = idsOf("asset");
  const labels = new Map<string, string>();
  if (changeIds.length) {
    for (const c of await db
      .select({ id: changes.id, number: changes.number })
      .from(changes)
      .where(inArray(changes.id, changeIds)))
      labels.set(labelKey("change", c.id), c.number);
  }
  if (assetIds.length) {
    for (const a of await db
      .select({ id: assets.id, tag: assets.tag })
      .from(assets)
      .where(inArray(assets.id, assetIds)))
      labels.set(labelKey("asset", a.id), a.tag);
  }
  return labels;
}

export async function toViews(db: Executor, rows: EventRow[]): Promise<AuditEventView[]> {
  const labels = await objectLabels(
    db,
    rows.map((r) => r.event),
  );
  return rows.map(({ event: e, siteCode, timeZone, actorName }) => ({
    id: e.id,
    at: e.at.toISOString(),
    siteCode,
    timeZone,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    actorName,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    objectLabel: labels.get(labelKey(e.objectType, e.objectId)) ?? null,
    reason: e.reason,
    ip: e.ip,
    before: e.before ?? null,
    after: e.after ?? null,
    hash: e.hash,
  }));
}
