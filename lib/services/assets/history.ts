import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { readAuditPayload } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import { getAsset } from "./get";
import type { AssetHistoryEvent } from "@/lib/types/assets";
export type { AssetHistoryEvent };

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  action: auditEvents.action,
  actorEmail: auditEvents.actorEmail,
  actorName: users.name,
  before: auditEvents.before,
  after: auditEvents.after,
  reason: auditEvents.reason,
};

const asRecord = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The audit events about one asset, newest first: its own events, and the CSV import that created
 * it (one event per import, listing every asset it created). Anyone who may view the asset may
 * see how its record changed: the values are the same data, and the trail says who changed them.
 */
export async function assetHistory(
  actor: Actor,
  id: string,
  opts: { limit?: number } = {},
): Promise<AssetHistoryEvent[]> {
  const asset = await getAsset(actor, id);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 100), 1), 500);
  const db = await getDb();
  const own = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.objectType, "asset"), eq(auditEvents.objectId, asset.id)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  const imports = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.action, "asset.import"),
        eq(auditEvents.siteId, asset.siteId),
        sql`${auditEvents.after} -> 'assets' @> ${JSON.stringify([{ id: asset.id }])}::jsonb`,
      ),
    )
    .limit(1);
  const events = [
    ...own.map((r) => ({ ...r, before: asRecord(r.before), after: asRecord(r.after) })),
    // Of an import, only this asset's own entry matters here.
    ...imports.map((r) => {
      const p = readAuditPayload({ ...r, objectType: "site" });
      const entry = p?.action === "asset.import" ? p.after.assets.find((a) => a.id === asset.id) : undefined;
      if (!entry) return { ...r, before: null, after: {} };
      const { id: _id, ...fields } = entry;
      return { ...r, before: null, after: fields };
    }),
  ];
  return events.sort((a, b) => b.id - a.id).slice(0, limit);
}
