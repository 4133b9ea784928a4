import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { apiTokens, calendarFeeds, sessions } from "@/db/schema";
import { sha256 } from "@/lib/auth/secrets";

import type { RevokedAccess } from "@/lib/domain/revoked-access";

/**
 * After a password change or reset, whatever the old password opened is closed: the user's
 * sessions (except, for their own change, the one they are using), API tokens and calendar feed
 * URLs. Runs inside the caller's transaction, which holds the user's row lock and writes the audit.
 */
export async function revokeAccess(
  tx: Tx,
  userId: string,
  now: Date,
  keepSession: string | null = null,
): Promise<RevokedAccess> {
  const s = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSession ? ne(sessions.id, sha256(keepSession)) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  const t = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  const f = await tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return { sessions: s.length, tokens: t.length, feeds: f.length };
}
