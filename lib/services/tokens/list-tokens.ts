import "server-only";
import { currentTime } from "@/lib/clock";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor, type Page, invalidCursor } from "@/lib/services/base/page";
import { paginationSchema, uuid } from "@/lib/schemas/common";
import { forbidden } from "@/lib/services/base/errors";
import { tokenView, type TokenView } from "./view";

/** The caller's own tokens, newest first, including revoked and expired ones (they show why a script stopped). */
export async function listTokens(
  actor: Actor,
  query: { limit?: unknown; cursor?: unknown } = {},
): Promise<Page<TokenView>> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in user has tokens.");
  const { limit, cursor } = paginationSchema.parse(query);
  const after = decodeCursor(cursor, 1);
  const afterId = after ? uuid.safeParse(after[0]) : null;
  if (afterId && !afterId.success) throw invalidCursor();
  const db = await getDb();
  // Keyset on (created_at, id) compared in the database: JavaScript dates would drop the microseconds.
  const where = afterId?.success
    ? and(
        eq(apiTokens.userId, actor.userId),
        sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (select c.created_at, c.id from api_tokens c where c.id = ${afterId.data})`,
      )
    : eq(apiTokens.userId, actor.userId);
  const rows = await db
    .select()
    .from(apiTokens)
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit + 1);
  const now = currentTime();
  const items = rows.slice(0, limit).map((r) => tokenView(r, now));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.id]) : null };
}
