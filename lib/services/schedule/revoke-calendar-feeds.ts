import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarFeeds } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";

/** Shuts the actor's feed URL off without issuing a new one. */
export async function revokeCalendarFeeds(actor: Actor): Promise<{ revoked: number }> {
  const userId = actor.userId;
  if (!userId) return { revoked: 0 };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const live = await tx
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
      .for("update");
    for (const feed of live) {
      await tx.update(calendarFeeds).set({ revokedAt: currentTime() }).where(eq(calendarFeeds.id, feed.id));
      await appendAudit(tx, actor, {
        action: "calendar_feed.revoke",
        objectType: "calendar_feed",
        objectId: feed.id,
        reason: "Revoked by its owner",
      });
    }
    return { revoked: live.length };
  });
}
