import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarFeeds, users } from "@/db/schema";
import type { Actor } from "./actor";
import { userActor } from "./resolve";
import { sha256 } from "./secrets";

export const FEED_TOKEN_PREFIX = "ilf";

/**
 * The owner of a secret calendar-feed URL, as an actor for reading that feed only: calendar
 * clients cannot send a bearer header, so the URL itself carries the secret. Revoked feeds
 * and disabled users resolve to nobody.
 */
export async function actorFromFeedToken(rawToken: string, ip: string | null): Promise<Actor | null> {
  if (!rawToken.startsWith(`${FEED_TOKEN_PREFIX}_`) || rawToken.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ user: users, feedId: calendarFeeds.id })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, sha256(rawToken)),
        isNull(calendarFeeds.revokedAt),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  // The owner's roles as every other way in reads them (lent ones included), but for reading only.
  return userActor(row.user, { via: "token", sessionId: null, tokenId: row.feedId, scopes: ["read"], ip });
}
