import "server-only";
import os from "node:os";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { apiTokens, roleGrants, sessions, signingDelegations, sites, users } from "@/db/schema";
import type { SiteRole } from "@/lib/domain/constants";
import { normaliseScopes } from "@/lib/domain/token-scopes";
import { currentTime } from "@/lib/clock";
import { makeActor, type Actor, type ActorGrant } from "./actor";
import { delegationsInForce } from "./delegated-grants";
import { sha256 } from "./secrets";

type OwnGrantRow = { site_id: string; code: string; role: string };
type LentGrantRow = OwnGrantRow & { id: string; delegator_id: string; name: string; ends_at: string };

/**
 * The user's own roles and the delegations lent to them at `now` (delegationsInForce), as two
 * JSON columns for the statement that finds the user, so that resolving a request's caller is
 * one round trip (the session or token, the user, the roles) and nothing is cached between
 * requests: a revoked token, grant or delegation counts from the very next request.
 */
function grantColumns(db: Db, now: Date) {
  const own = db
    .select({ siteId: roleGrants.siteId, siteCode: sites.code, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(sites, eq(sites.id, roleGrants.siteId))
    .where(eq(roleGrants.userId, users.id))
    .orderBy(sites.code, roleGrants.role);
  const lent = delegationsInForce(db, now, eq(signingDelegations.delegateId, users.id));
  return {
    own: sql<OwnGrantRow[]>`(select coalesce(json_agg(g), '[]'::json) from ${own} g)`,
    lent: sql<LentGrantRow[]>`(select coalesce(json_agg(d), '[]'::json) from ${lent} d)`,
  };
}

function grantsFrom(row: { own: OwnGrantRow[]; lent: LentGrantRow[] }): ActorGrant[] {
  const own = row.own.map((g) => ({ siteId: g.site_id, siteCode: g.code, role: g.role as SiteRole }));
  const lent = row.lent.filter((d) => !own.some((g) => g.siteId === d.site_id && g.role === d.role));
  return [
    ...own,
    ...lent.map((d) => ({
      siteId: d.site_id,
      siteCode: d.code,
      role: d.role as SiteRole,
      delegation: {
        id: d.id,
        delegatorId: d.delegator_id,
        delegatorName: d.name,
        endsAt: new Date(d.ends_at),
      },
    })),
  ];
}

type UserRow = typeof users.$inferSelect;
type HowSignedIn = Pick<Actor, "via" | "sessionId" | "authMethod" | "tokenId" | "scopes" | "ip">;

function actorOf(user: UserRow, how: HowSignedIn, grants: ActorGrant[]): Actor {
  return makeActor({
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    grants,
    ...how,
  });
}

/** A signed-in user as an actor, with their own roles and those lent to them now, however they came in. */
export async function userActor(user: UserRow, how: HowSignedIn): Promise<Actor> {
  const db = await getDb();
  const [row] = await db.select(grantColumns(db, currentTime())).from(users).where(eq(users.id, user.id));
  return actorOf(user, how, row ? grantsFrom(row) : []);
}

/** Minutes of inactivity after which a session ends (besides its absolute limit). */
export function sessionIdleMinutes(): number {
  const n = Number(process.env.INTERLOCK_SESSION_IDLE_MINUTES ?? 480);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 480;
}

/**
 * Rebuilt from the database on every request, so disabling a user, revoking a grant or
 * signing out takes effect on the very next request of a live session. The cookie carries the
 * session's secret; the table holds only its hash. A session unused for the idle time is over.
 */
export async function actorFromSession(
  sessionId: string,
  ip: string | null,
  opts: { touch?: boolean } = {},
): Promise<Actor | null> {
  const db = await getDb();
  const now = new Date();
  const idleSince = new Date(now.getTime() - sessionIdleMinutes() * 60_000);
  const id = sha256(sessionId);
  const [row] = await db
    .select({
      user: users,
      lastSeenAt: sessions.lastSeenAt,
      authMethod: sessions.authMethod,
      ...grantColumns(db, currentTime()),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  // As with tokens: a minute's resolution keeps reads from all becoming writes.
  // A page's background poll (the notification bell) is not use: it must not keep an idle session open.
  if (opts.touch !== false && now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return actorOf(
    row.user,
    { via: "session", sessionId, authMethod: row.authMethod, tokenId: null, scopes: null, ip },
    grantsFrom(row),
  );
}

export async function actorFromToken(rawToken: string, ip: string | null): Promise<Actor | null> {
  if (!rawToken.startsWith("ilk_") || rawToken.length > 200) return null;
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .select({
      user: users,
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      scopes: apiTokens.scopes,
      ...grantColumns(db, currentTime()),
    })
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
  return actorOf(
    row.user,
    { via: "token", sessionId: null, tokenId: row.tokenId, scopes: normaliseScopes(row.scopes), ip },
    grantsFrom(row),
  );
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
    scopes: null,
    ip: null,
  });
}

/**
 * The command line acting as one named account: the demo seed files, signs and implements each
 * demo person's work as that person, so the trail names them (with the command line as the channel).
 * Signatures still re-enter the person's password through the sign-in check.
 */
export async function cliActorAs(email: string): Promise<Actor> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new Error(`No account ${email}`);
  return userActor(user, { via: "cli", sessionId: null, tokenId: null, scopes: null, ip: null });
}
