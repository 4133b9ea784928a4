import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Marks all of the caller's notifications read. */
export async function markAllNotificationsRead(actor: Actor, now = new Date()): Promise<number> {
  if (!actor.userId) return 0;
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
