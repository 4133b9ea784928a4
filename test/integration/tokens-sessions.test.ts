import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as signoffsRoute from "@/app/api/v1/changes/[id]/signoffs/route";
import * as sitesRoute from "@/app/api/v1/sites/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import type { Db } from "@/db/client";
import { apiTokens, calendarFeeds, sessions } from "@/db/schema";
import { actorFromFeedToken } from "@/lib/auth/feed";
import { actorFromSession, actorFromToken, cliActor } from "@/lib/auth/resolve";
import { sha256 } from "@/lib/auth/secrets";
import { createToken } from "@/lib/services/tokens/create-token";
import { mintTokenFor } from "@/lib/services/tokens/mint-token";
import { revokeToken } from "@/lib/services/tokens/revoke-token";
import { createCalendarFeed } from "@/lib/services/schedule/create-calendar-feed";
import { changePassword } from "@/lib/services/users/change-password";
import { resetPassword } from "@/lib/services/users/reset-password";
import { useTestDatabase } from "../db";
import { PASSWORD, makeSite, makeUser } from "../fixtures";
import { call, expectJson, expectProblem, type Handler } from "./api-helpers";

let db: Db;
beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("TOK");
});

const NEW_PASSWORD = "an entirely new passphrase";

describe("token scopes, per verb", () => {
  it("read: GET only; write: changes but not signing; sign: the sign-off endpoint", async () => {
    const u = await makeUser(["TOK:operations"]);
    const read = await createToken(u.actor, { name: "read", scopes: ["read"] });
    const write = await createToken(u.actor, { name: "write", scopes: "write" });
    const sign = await createToken(u.actor, { name: "sign", scopes: ["sign"] });
    const get = (token: string) =>
      call(sitesRoute.GET as Handler, { method: "GET", path: "/api/v1/sites", token });
    expect((await get(read.token)).status).toBe(200);
    expect((await expectProblem(await get(write.token), 403)).detail).toMatch(/"read" scope/);

    const post = (token: string) =>
      call(tokensRoute.POST as Handler, {
        method: "POST",
        path: "/api/v1/tokens",
        token,
        body: JSON.stringify({ name: "child", scopes: ["write"] }),
      });
    expect((await expectProblem(await post(read.token), 403)).detail).toMatch(/"write" scope/);
    expect((await post(write.token)).status).toBe(201);

    const id = randomUUID();
    const signoff = (token: string) =>
      call(signoffsRoute.POST as Handler, {
        method: "POST",
        path: `/api/v1/changes/${id}/signoffs`,
        params: { id },
        token,
        body: JSON.stringify({ role: "operations", password: PASSWORD }),
      });
    expect((await expectProblem(await signoff(write.token), 403)).detail).toMatch(/"sign" scope/);
    expect((await expectProblem(await signoff(read.token), 403)).detail).toMatch(/"sign" scope/);
    // Past the scope check: the change does not exist (or the body is incomplete), not a scope refusal.
    const withSign = await signoff(sign.token);
    expect([404, 422]).toContain(withSign.status);
    expect(JSON.stringify(await expectJson(withSign))).not.toMatch(/scope/);
  });

  it("a token row written without scopes (as every token before the migration) acts as read write", async () => {
    const u = await makeUser(["TOK:requester"]);
    const raw = `ilk_${randomUUID().replace(/-/g, "")}legacy`;
    await db.insert(apiTokens).values({
      userId: u.id,
      name: "legacy",
      tokenHash: sha256(raw),
      tokenPrefix: raw.slice(0, 12),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect((await actorFromToken(raw, null))!.scopes).toEqual(["read", "write"]);
    expect((await createToken(u.actor, { name: "default" })).scopes).toEqual(["read", "write"]);
  });

  it("the command line and the form choose scopes; bad scopes are a clear input error", async () => {
    const u = await makeUser([]);
    const minted = await mintTokenFor(cliActor(), { email: u.email, name: "cli", scopes: "read,sign" });
    expect(minted.scopes).toEqual(["read", "sign"]);
    await expect(createToken(u.actor, { name: "x", scopes: ["admin"] })).rejects.toThrow(/scope is one of/);
    await expect(createToken(u.actor, { name: "x", scopes: [] })).rejects.toThrow(/at least one scope/);
  });
});

describe("tokens created with a token", () => {
  it("cannot have more scope than the token, and are revoked with it at any depth", async () => {
    const u = await makeUser([]);
    const parent = await createToken(u.actor, { name: "parent", scopes: ["read", "write"] });
    const viaParent = (await actorFromToken(parent.token, null))!;
    await expect(createToken(viaParent, { name: "more", scopes: ["read", "sign"] })).rejects.toThrow(
      /lacks sign/,
    );
    const child = await createToken(viaParent, { name: "child", scopes: ["read", "write"] });
    expect(child.parentTokenId).toBe(parent.id);
    const grandchild = await createToken((await actorFromToken(child.token, null))!, {
      name: "grandchild",
      scopes: ["read"],
    });
    const sibling = await createToken(u.actor, { name: "made on the profile page" });

    const res = await call(tokenRoute.DELETE as Handler, {
      method: "DELETE",
      path: `/api/v1/tokens/${parent.id}`,
      params: { id: parent.id },
      token: sibling.token,
    });
    expect(res.status).toBe(200);
    expect(await actorFromToken(parent.token, null)).toBeNull();
    expect(await actorFromToken(child.token, null)).toBeNull();
    expect(await actorFromToken(grandchild.token, null)).toBeNull();
    expect(await actorFromToken(sibling.token, null)).not.toBeNull();
    await revokeToken(u.actor, parent.id); // twice: harmless
  });
});

describe("a new password closes what the old one opened", () => {
  it("changing it revokes other sessions, API tokens and feed URLs, keeping this session", async () => {
    const u = await makeUser(["TOK:operations"]);
    const other = await makeUser([]); // a different person's token must survive
    const otherToken = await createToken(other.actor, { name: "not theirs" });
    const second = await import("../fixtures").then((f) => f.signInAs(u.email));
    const token = await createToken(u.actor, { name: "script" });
    const feed = await createCalendarFeed(u.actor, { baseUrl: "http://localhost" });
    const revoked = await changePassword(u.actor, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(revoked).toEqual({ sessions: 1, tokens: 1, feeds: 1 });
    expect(await actorFromSession(u.actor.sessionId!, null)).not.toBeNull();
    expect(await actorFromSession(second.sessionId!, null)).toBeNull();
    expect(await actorFromToken(token.token, null)).toBeNull();
    expect(await actorFromFeedToken(feed.token, null)).toBeNull();
    expect(await actorFromToken(otherToken.token, null)).not.toBeNull();
  });

  it("an administrator's reset revokes every session, token and feed URL of the user", async () => {
    const u = await makeUser(["TOK:operations"]);
    const admin = await makeUser([], { isAdmin: true });
    const token = await createToken(u.actor, { name: "script" });
    const feed = await createCalendarFeed(u.actor, { baseUrl: "http://localhost" });
    const revoked = await resetPassword(admin.actor, u.email, { password: NEW_PASSWORD });
    expect(revoked).toEqual({ sessions: 1, tokens: 1, feeds: 1 });
    expect(await actorFromSession(u.actor.sessionId!, null)).toBeNull();
    expect(await actorFromToken(token.token, null)).toBeNull();
    expect(await actorFromFeedToken(feed.token, null)).toBeNull();
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, u.id));
    expect(row!.revokedAt).not.toBeNull();
  });
});

describe("sessions", () => {
  it("are stored as a hash of the cookie's secret", async () => {
    const u = await makeUser([]);
    const sid = u.actor.sessionId!;
    const rows = await db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(rows.map((r) => r.id)).toEqual([sha256(sid)]);
    expect(JSON.stringify(rows)).not.toContain(sid);
    // The stored value does not open the session.
    expect(await actorFromSession(rows[0]!.id, null)).toBeNull();
  });

  it(`end after the idle time (INTERLOCK_SESSION_IDLE_MINUTES, default 8 h), besides the absolute limit`, async () => {
    const u = await makeUser([]);
    const sid = u.actor.sessionId!;
    const idle = async (minutes: number) =>
      db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - minutes * 60_000) })
        .where(eq(sessions.id, sha256(sid)));
    await idle(7 * 60);
    expect(await actorFromSession(sid, null)).not.toBeNull();
    // Use moved lastSeenAt forward again.
    const [seen] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sha256(sid)));
    expect(seen!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await idle(8 * 60 + 1);
    expect(await actorFromSession(sid, null)).toBeNull();

    const v = await makeUser([]);
    process.env.INTERLOCK_SESSION_IDLE_MINUTES = "30";
    try {
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
        .where(eq(sessions.id, sha256(v.actor.sessionId!)));
      expect(await actorFromSession(v.actor.sessionId!, null)).toBeNull();
    } finally {
      delete process.env.INTERLOCK_SESSION_IDLE_MINUTES;
    }
  });
});
