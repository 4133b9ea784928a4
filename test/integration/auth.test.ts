import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { apiTokens, auditEvents, sessions, users } from "@/db/schema";
import { actorFromSession, actorFromToken, cliActor } from "@/lib/auth/resolve";
import { LOCKOUT } from "@/lib/services/auth/credentials";
import { signIn } from "@/lib/services/auth/sign-in";
import { ServiceError } from "@/lib/services/base/errors";
import { createToken } from "@/lib/services/tokens/create-token";
import { mintTokenFor } from "@/lib/services/tokens/mint-token";
import { listTokens } from "@/lib/services/tokens/list-tokens";
import { revokeToken } from "@/lib/services/tokens/revoke-token";
import { changePassword } from "@/lib/services/users/change-password";
import { grantRole } from "@/lib/services/users/grant-role";
import { revokeRole } from "@/lib/services/users/revoke-role";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { useTestDatabase } from "../db";
import { PASSWORD, makeSite, makeUser, signInAs } from "../fixtures";

let db: Db;
beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("AUT", "Europe/Berlin");
});

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

/** Services validate with the shared zod schema and let its ZodError through (the edge maps it to 422). */
async function rejectsInput(p: Promise<unknown>): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(ZodError);
}

describe("sign-in lockout", () => {
  it(`locks the account after ${LOCKOUT.accountFailures} failures; the right password is refused until lockedUntil`, async () => {
    const u = await makeUser(["AUT:requester"]);
    const ip = freshIp();
    for (let i = 1; i < LOCKOUT.accountFailures; i++) {
      expect(
        (await refusal(signIn({ email: u.email, password: "wrong password" }, { ip, userAgent: null }))).code,
      ).toBe("unauthenticated");
    }
    const locking = await refusal(
      signIn({ email: u.email, password: "wrong password" }, { ip, userAgent: null }),
    );
    expect(locking.code).toBe("rate_limited");
    expect(locking.message).toMatch(/paused/);

    const sixth = await refusal(
      signIn({ email: u.email, password: PASSWORD }, { ip: freshIp(), userAgent: null }),
    );
    expect(sixth.code).toBe("rate_limited");
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCKOUT.lockMinutes - 1) * 60_000);
    const locks = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.locked"), eq(auditEvents.objectId, u.id)));
    expect(locks).toHaveLength(1);

    await db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, u.id));
    const session = await signIn({ email: u.email, password: PASSWORD }, { ip: freshIp(), userAgent: null });
    expect(session.userId).toBe(u.id);
  });

  it("refuses an address after too many failures, even with a right password, while other addresses still sign in", async () => {
    const u = await makeUser(["AUT:requester"]);
    const ip = freshIp();
    for (let i = 0; i < LOCKOUT.addressFailures; i++) {
      await refusal(signIn({ email: `nobody${i}@example.test`, password: "guess" }, { ip, userAgent: null }));
    }
    const blocked = await refusal(signIn({ email: u.email, password: PASSWORD }, { ip, userAgent: null }));
    expect(blocked.code).toBe("rate_limited");
    expect(blocked.message).toMatch(/this address/);
    expect(
      (await signIn({ email: u.email, password: PASSWORD }, { ip: freshIp(), userAgent: null })).userId,
    ).toBe(u.id);
  });
});

describe("disabling, revoking and expiring take effect on the next request", () => {
  it("a disabled user's session and token stop resolving at once", async () => {
    const u = await makeUser(["AUT:operations"]);
    const { token } = await createToken(u.actor, { name: "script" });
    expect(await actorFromSession(u.actor.sessionId!, null)).not.toBeNull();
    expect(await actorFromToken(token, null)).not.toBeNull();
    await setUserDisabled(cliActor(), u.email, true);
    expect(await actorFromSession(u.actor.sessionId!, null)).toBeNull();
    expect(await actorFromToken(token, null)).toBeNull();
    await setUserDisabled(cliActor(), u.email, false);
    expect(await actorFromToken(token, null)).not.toBeNull();
  });

  it("a revoked grant is gone from the next actor built from the session", async () => {
    const u = await makeUser(["AUT:safety", "AUT:operations"]);
    await revokeRole(cliActor(), u.email, { siteCode: "AUT", role: "safety" });
    const next = await actorFromSession(u.actor.sessionId!, null);
    expect(next!.grants.map((g) => g.role)).toEqual(["operations"]);
    await grantRole(cliActor(), u.email, { siteCode: "AUT", role: "auditor" });
    expect((await actorFromSession(u.actor.sessionId!, null))!.grants.map((g) => g.role).sort()).toEqual([
      "auditor",
      "operations",
    ]);
  });

  it("a token that resolved stops at its next use once revoked, and its user's revoked role goes with the next use (nothing is cached)", async () => {
    const u = await makeUser(["AUT:safety", "AUT:operations"]);
    const { id, token } = await createToken(u.actor, { name: "poller" });
    for (let i = 0; i < 3; i++) expect(await actorFromToken(token, null)).not.toBeNull();
    await revokeRole(cliActor(), u.email, { siteCode: "AUT", role: "safety" });
    expect((await actorFromToken(token, null))!.grants.map((g) => g.role)).toEqual(["operations"]);
    await revokeToken(u.actor, id);
    expect(await actorFromToken(token, null)).toBeNull();
  });

  it("refuses revoked, expired, unknown and malformed tokens", async () => {
    const u = await makeUser(["AUT:requester"]);
    const revoked = await createToken(u.actor, { name: "old" });
    await revokeToken(u.actor, revoked.id);
    expect(await actorFromToken(revoked.token, null)).toBeNull();

    const expired = await createToken(u.actor, { name: "short", days: 1 });
    expect(await actorFromToken(expired.token, null)).not.toBeNull();
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expired.id));
    expect(await actorFromToken(expired.token, null)).toBeNull();

    expect(await actorFromToken(`${expired.token}x`, null)).toBeNull();
    expect(await actorFromToken("ses_whatever", null)).toBeNull();
    expect(await actorFromToken(`ilk_${"a".repeat(500)}`, null)).toBeNull();
  });
});

describe("API tokens", () => {
  it("stores only a hash and prefix, shows the secret once, and acts as its user with their roles", async () => {
    const u = await makeUser(["AUT:security"]);
    const created = await createToken(u.actor, { name: "scanner", days: 30 });
    expect(created.token).toMatch(/^ilk_[A-Za-z0-9_-]{40,}$/);
    expect(created.prefix).toBe(created.token.slice(0, 12));
    const days = (created.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const actor = await actorFromToken(created.token, "203.0.113.9");
    expect(actor).toMatchObject({ userId: u.id, via: "token", tokenId: created.id, ip: "203.0.113.9" });
    expect(actor!.grants.map((g) => `${g.siteCode}:${g.role}`)).toEqual(["AUT:security"]);
    const [used] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(used!.lastUsedAt).not.toBeNull();
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "token.create"), eq(auditEvents.objectId, created.id)));
    expect(audit).toMatchObject({ actorId: u.id });
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("defaults to 90 days and refuses more than 365 or less than 1", async () => {
    const u = await makeUser([]);
    const t = await createToken(u.actor, { name: "default" });
    expect(Math.round((t.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(90);
    for (const days of [366, 0, -1, 1.5, "many"])
      await rejectsInput(createToken(u.actor, { name: "x", days }));
    await rejectsInput(createToken(u.actor, { name: "  " }));
    await rejectsInput(createToken(u.actor, { name: "line\nbreak" }));
  });

  it("a token cannot mint a token that outlives it", async () => {
    const u = await makeUser([]);
    const parent = await createToken(u.actor, { name: "parent", days: 2 });
    const viaToken = (await actorFromToken(parent.token, null))!;
    const child = await createToken(viaToken, { name: "child", days: 365 });
    expect(child.expiresAt.getTime()).toBe(parent.expiresAt.getTime());
  });

  it("lists the caller's own tokens newest first, in pages", async () => {
    const u = await makeUser([]);
    const other = await makeUser([]);
    await createToken(other.actor, { name: "not mine" });
    const names = ["t1", "t2", "t3"];
    for (const name of names) await createToken(u.actor, { name });
    const first = await listTokens(u.actor, { limit: "2" });
    expect(first.items.map((t) => t.name)).toEqual(["t3", "t2"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listTokens(u.actor, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((t) => t.name)).toEqual(["t1"]);
    expect(second.nextCursor).toBeNull();
    expect(JSON.stringify(first)).not.toMatch(/ilk_[A-Za-z0-9_-]{20,}/);
    expect((await refusal(listTokens(u.actor, { cursor: "junk" }))).code).toBe("invalid");
  });

  it("only the owner or an administrator revokes a token, and revocation is audited once", async () => {
    const owner = await makeUser([]);
    const stranger = await makeUser(["AUT:change_manager"]);
    const admin = await makeUser([], { isAdmin: true });
    const t = await createToken(owner.actor, { name: "ci" });
    expect((await refusal(revokeToken(stranger.actor, t.id))).code).toBe("not_found");
    expect((await refusal(revokeToken(owner.actor, "not-a-uuid"))).code).toBe("not_found");
    expect(await actorFromToken(t.token, null)).not.toBeNull();
    expect((await revokeToken(admin.actor, t.id)).status).toBe("revoked");
    expect((await revokeToken(owner.actor, t.id)).status).toBe("revoked");
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "token.revoke"), eq(auditEvents.objectId, t.id)));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(admin.id);
  });

  it("the command line mints a token for a named user, audited with both", async () => {
    const u = await makeUser(["AUT:auditor"]);
    const t = await mintTokenFor(cliActor(), { email: u.email.toUpperCase(), name: "export job", days: "7" });
    expect(t.userEmail).toBe(u.email);
    expect((await actorFromToken(t.token, null))!.userId).toBe(u.id);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "token.create"), eq(auditEvents.objectId, t.id)));
    expect(audit!.actorId).toBeNull();
    expect(audit!.actorEmail).toMatch(/^cli:/);
    expect(audit!.after).toMatchObject({ userId: u.id, userEmail: u.email });
    expect((await refusal(mintTokenFor(cliActor(), { email: "nobody@example.test", name: "x" }))).code).toBe(
      "not_found",
    );
    await setUserDisabled(cliActor(), u.email, true);
    expect((await refusal(mintTokenFor(cliActor(), { email: u.email, name: "x" }))).code).toBe("conflict");
  });
});

describe("changing one's password", () => {
  it("needs the current password, ends the other sessions and keeps this one", async () => {
    const u = await makeUser([]);
    const other = await signInAs(u.email, freshIp());
    const wrong = await refusal(
      changePassword(u.actor, { currentPassword: "not it", newPassword: "a brand new passphrase" }),
    );
    expect(wrong.code).toBe("invalid");
    expect(wrong.details.errors?.[0]?.path).toBe("currentPassword");
    await rejectsInput(changePassword(u.actor, { currentPassword: PASSWORD, newPassword: "short" }));
    await rejectsInput(changePassword(u.actor, { currentPassword: PASSWORD, newPassword: PASSWORD }));

    await changePassword(u.actor, { currentPassword: PASSWORD, newPassword: "a brand new passphrase" });
    expect(await actorFromSession(u.actor.sessionId!, null)).not.toBeNull();
    expect(await actorFromSession(other.sessionId!, null)).toBeNull();
    expect(
      (await refusal(signIn({ email: u.email, password: PASSWORD }, { ip: freshIp(), userAgent: null })))
        .code,
    ).toBe("unauthenticated");
    expect(
      (
        await signIn(
          { email: u.email, password: "a brand new passphrase" },
          { ip: freshIp(), userAgent: null },
        )
      ).userId,
    ).toBe(u.id);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.password_change"), eq(auditEvents.objectId, u.id)));
    expect(events).toHaveLength(1);
    const open = await db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(open.filter((s) => !s.revokedAt).length).toBeGreaterThanOrEqual(2);
  });

  it("the command line has no password to change", async () => {
    expect(
      (await refusal(changePassword(cliActor(), { currentPassword: "x", newPassword: "y".repeat(12) }))).code,
    ).toBe("forbidden");
  });
});
