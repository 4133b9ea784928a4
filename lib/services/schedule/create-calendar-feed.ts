import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarFeeds, sites } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { FEED_TOKEN_PREFIX } from "@/lib/auth/feed";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { scopeFor } from "@/lib/services/authorize";
import { forbidden } from "@/lib/services/base/errors";

export interface CalendarFeedGrant {
  /** Shown once; only its hash is stored. */
  token: string;
  createdAt: Date;
  /** One subscription URL per site the user can see. */
  feeds: { siteCode: string; url: string }[];
}

/**
 * A new secret feed URL for the actor, revoking any earlier one: regenerating is how a
 * leaked URL is shut off. The feed shows only sites the user can see when it is read.
 */
export async function createCalendarFeed(
  actor: Actor,
  options: { baseUrl: string },
): Promise<CalendarFeedGrant> {
  const userId = actor.userId;
  if (!userId || actor.kind !== "user") throw forbidden("Calendar feeds belong to a signed-in user.");
  const visible = scopeFor(actor, "window.view");
  if (visible.length === 0)
    throw forbidden("You hold no role at any site, so there is no calendar to subscribe to.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const old = await tx
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
      .for("update");
    const now = currentTime();
    for (const feed of old) {
      await tx.update(calendarFeeds).set({ revokedAt: now }).where(eq(calendarFeeds.id, feed.id));
      await appendAudit(tx, actor, {
        action: "calendar_feed.revoke",
        objectType: "calendar_feed",
        objectId: feed.id,
        reason: "Replaced by a new feed URL",
      });
    }
    const token = newSecret(FEED_TOKEN_PREFIX);
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ userId, tokenHash: sha256(token) })
      .returning();
    await appendAudit(tx, actor, {
      action: "calendar_feed.create",
      objectType: "calendar_feed",
      objectId: feed!.id,
      after: { userId },
    });
    const siteRows = await tx.select({ id: sites.id, code: sites.code }).from(sites);
    const base = options.baseUrl.replace(/\/+$/, "");
    const feeds = siteRows
      .filter((s) => visible.includes(s.id))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((s) => ({
        siteCode: s.code,
        url: `${base}/api/v1/calendar/${encodeURIComponent(s.code)}.ics?feed=${encodeURIComponent(token)}`,
      }));
    return { token, createdAt: feed!.createdAt, feeds };
  });
}
