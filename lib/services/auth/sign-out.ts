import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import { sha256 } from "@/lib/auth/secrets";

/** Revokes the session row so the cookie is worthless even if it was copied. */
export async function signOut(sessionId: string, ip: string | null): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ revokedAt: currentTime() })
      .where(and(eq(sessions.id, sha256(sessionId)), isNull(sessions.revokedAt)))
      .returning({ userId: sessions.userId });
    if (!row) return;
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    await appendAudit(
      tx,
      { actorId: row.userId, actorEmail: user?.email ?? null, ip },
      {
        action: "auth.logout",
        objectType: "session",
        objectId: row.userId,
      },
    );
  });
}
