import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** The bell's number: the caller's unread notifications. */
export async function unreadCount(actor: Actor): Promise<number> {
  if (!actor.userId) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
