import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/services/base/errors";
import { UUID_RE } from "@/lib/services/base/match";

/** Marks one of the caller's notifications read (idempotent); someone else's is not found. */
export async function markNotificationRead(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<{ id: string; readAt: string }> {
  if (!actor.userId || !UUID_RE.test(id)) throw notFound("Notification");
  const db = await getDb();
  const mine = and(eq(notifications.id, id), eq(notifications.userId, actor.userId));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(mine);
  if (!row) throw notFound("Notification");
  return { id: row.id, readAt: row.readAt!.toISOString() };
}
