import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeFor } from "@/lib/services/authorize";
import { fetchEvents, toViews, type AuditEventView } from "./view";

export const OBJECT_HISTORY_LIMIT = 500;

/**
 * The history of one object for its page (a change's or an asset's "History" section), oldest
 * first, at most the latest OBJECT_HISTORY_LIMIT events. Only events at sites the actor can view
 * are returned; site-less events are left to the audit trail, where the auditor's rule applies.
 * The caller has already authorized the object itself; an invisible object simply has no history here.
 */
export async function auditEventsFor(
  actor: Actor,
  objectType: string,
  objectId: string,
): Promise<AuditEventView[]> {
  const scope = scopeFor(actor, "site.view");
  if (scope.length === 0) return [];
  const db = await getDb();
  const where = and(
    eq(auditEvents.objectType, objectType),
    eq(auditEvents.objectId, objectId),
    inArray(auditEvents.siteId, scope),
  )!;
  const rows = await fetchEvents(db, where, { limit: OBJECT_HISTORY_LIMIT });
  return (await toViews(db, rows)).reverse();
}
