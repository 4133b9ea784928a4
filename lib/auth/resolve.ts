import "server-only";
import os from "node:os";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, roleGrants, sessions, sites, users } from "@/db/schema";
import { makeActor, type Actor } from "./actor";
import { sha256 } from "./secrets";

async function grantsOf(userId: string) {
  const db = await getDb();
  return db
    .select({ siteId: roleGrants.siteId, siteCode: sites.code, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(sites, eq(sites.id, roleGrants.siteId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(sites.code, roleGrants.role);
}

/**
 * Rebuilt from the database on every request, so disabling a user, revoking a grant or
 * signing out takes effect on the very next request of a live session.
 */
export async function actorFromSession(sessionId: string, ip: string | null): Promise<Actor | null> {
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  return makeActor({
    kind: "user",
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    isAdmin: row.user.isAdmin,
    grants: await grantsOf(row.user.id),
    via: "session",
    sessionId,
    tokenId: null,
    ip,
  });
}

export async function actorFromToken(rawToken: string, ip: string | null): Promise<Actor | null> {
  if (!rawToken.startsWith("ilk_") || rawToken.length > 200) return null;
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(rawToken)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Recording every use would turn each read into a write; a minute's resolution is enough.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return makeActor({
    kind: "user",
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    isAdmin: row.user.isAdmin,
    grants: await grantsOf(row.user.id),
    via: "token",
    sessionId: null,
    tokenId: row.tokenId,
    ip,
  });
}

/** The local command line: whoever has a shell on the server administers it, and is audited as such. */
export function cliActor(): Actor {
  const who = `${os.userInfo().username}@${os.hostname()}`;
  return makeActor({
    kind: "system",
    userId: null,
    email: who,
    name: `Command line (${who})`,
    isAdmin: true,
    grants: [],
    via: "cli",
    sessionId: null,
    tokenId: null,
    ip: null,
  });
}
