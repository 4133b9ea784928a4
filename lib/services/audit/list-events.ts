import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor, type Page, invalidCursor } from "@/lib/services/base/page";
import { auditQuerySchema, type AuditQueryInput } from "@/lib/schemas/audit";
import { auditFilter, requireAuditScope } from "./conditions";
import { fetchEvents, toViews, type AuditEventView } from "./view";

/**
 * A page of the audit trail the actor may read, newest first. Refused (403) without audit.view at
 * any site; a site filter naming a site the actor cannot see answers 404.
 */
export async function listAuditEvents(actor: Actor, input: AuditQueryInput): Promise<Page<AuditEventView>> {
  requireAuditScope(actor, "audit.view");
  const query = auditQuerySchema.parse(input);
  const db = await getDb();
  const { where } = await auditFilter(db, actor, query, "audit.view");
  const [beforeId] = decodeCursor(query.cursor, 1) ?? [];
  if (beforeId !== undefined && (typeof beforeId !== "number" || !Number.isSafeInteger(beforeId)))
    throw invalidCursor();
  const rows = await fetchEvents(db, where, { beforeId: beforeId ?? undefined, limit: query.limit + 1 });
  const more = rows.length > query.limit;
  const items = await toViews(db, more ? rows.slice(0, query.limit) : rows);
  return { items, nextCursor: more ? encodeCursor([items[items.length - 1]!.id]) : null };
}
