import "server-only";
import { parseInput } from "@/lib/services/base/parse-input";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { decodeCursor, encodeCursor, type Page, invalidCursor } from "@/lib/services/base/page";
import { paginationSchema } from "@/lib/schemas/common";
import { findVisibleChange } from "./internal/load";
import type { ChangeHistoryEvent } from "@/lib/types/changes";

/**
 * The change's audit trail in the order it happened: creation, field-level edits, transitions,
 * sign-offs and their superseding, and every gate decision (dry runs included). Anyone who may
 * see the change may read its history; the cross-object trail stays with the auditors.
 */
export async function changeHistory(
  actor: Actor,
  id: string,
  query: { limit?: unknown; cursor?: unknown } = {},
): Promise<Page<ChangeHistoryEvent>> {
  const p = parseInput(paginationSchema, query, "The query");
  const db = await getDb();
  const change = await findVisibleChange(db, actor, id);
  let afterId = 0;
  if (p.cursor) {
    const [v] = decodeCursor(p.cursor, 1)!;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw invalidCursor();
    afterId = v;
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.objectType, "change"),
        eq(auditEvents.objectId, change.id),
        gt(auditEvents.id, afterId),
      ),
    )
    .orderBy(asc(auditEvents.id))
    .limit(p.limit + 1);
  const more = rows.length > p.limit;
  const page = more ? rows.slice(0, p.limit) : rows;
  return {
    items: page.map((e) => ({
      id: e.id,
      at: isoUtc(e.at),
      actorEmail: e.actorEmail,
      action: e.action,
      before: e.before,
      after: e.after,
      reason: e.reason,
    })),
    nextCursor: more ? encodeCursor([page[page.length - 1]!.id]) : null,
  };
}
