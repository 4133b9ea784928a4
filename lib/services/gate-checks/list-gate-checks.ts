import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { gateCheckQuerySchema, type GateCheckQueryInput } from "@/lib/schemas/gate-checks";
import { requireAuditScope } from "@/lib/services/audit/conditions";
import { decodeCursor, encodeCursor, invalidCursor, type Page } from "@/lib/services/base/page";
import type { GateCheckView } from "@/lib/types/audit";
import { fetchGateChecks, gateCheckFilter } from "./query";

/**
 * A page of the gate-check log the actor may read, newest first: auditors and change managers
 * (audit.view), like the trail. A site or change the reader cannot see answers 404.
 */
export async function listGateChecks(actor: Actor, input: GateCheckQueryInput): Promise<Page<GateCheckView>> {
  requireAuditScope(actor, "audit.view");
  const query = gateCheckQuerySchema.parse(input);
  const db = await getDb();
  const { where } = await gateCheckFilter(db, actor, query, "audit.view");
  const [beforeId] = decodeCursor(query.cursor, 1) ?? [];
  if (beforeId !== undefined && (typeof beforeId !== "number" || !Number.isSafeInteger(beforeId)))
    throw invalidCursor();
  const rows = await fetchGateChecks(db, where, { beforeId: beforeId ?? undefined, limit: query.limit + 1 });
  const more = rows.length > query.limit;
  const items = more ? rows.slice(0, query.limit) : rows;
  return { items, nextCursor: more ? encodeCursor([items[items.length - 1]!.id]) : null };
}
