import "server-only";
import { and, count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/services/base/parse-input";
import { changeListQuerySchema, type ChangeListQuery } from "@/lib/schemas/changes";
import { visibleSiteIds } from "./internal/access";
import { filterConditions } from "./internal/list-queries";

/** How many changes the list would show for these filters (the same visibility), without loading them. */
export async function countChanges(actor: Actor, query: ChangeListQuery = {}): Promise<number> {
  const f = parseInput(changeListQuerySchema, query, "The query");
  const visible = visibleSiteIds(actor);
  if (visible.length === 0) return 0;
  const db = await getDb();
  const conds = await filterConditions(db, visible, f);
  if (!conds) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(changes)
    .where(and(...conds));
  return row?.n ?? 0;
}
