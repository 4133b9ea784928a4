import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, roleGrants, sessions, userIdentities, users } from "@/db/schema";
import { actorFromSession, cliActor } from "@/lib/auth/resolve";
import { sha256 } from "@/lib/auth/secrets";
import { signIn } from "@/lib/services/auth/sign-in";
import { signInWithOidc } from "@/lib/services/sso/sign-in-oidc";
import { createUser } from "@/lib/services/users/create-user";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { useTestDatabase } from "../db";
import { errorOf } from "./changes-helpers";
import { PASSWORD, makeSite } from "../fixtures";
import { IDP_USERS, idpSignIn, useTestIdp, type IdpUser } from "../idp/drive";

let db: Db;
let issuer: string;
const client = { ip: "203.0.113.7", userAgent: "vitest" };

beforeAll(async () => {
  db = await useTestDatabase();
  issuer = useTestIdp();
  await makeSite("GCR");
});

beforeEach(() => {
  process.env.INTERLOCK_OIDC_AUTO_PROVISION = "0";
});

async function sso(user: IdpUser, autoProvision = false) {
  const claims = await idpSignIn(user);
  return signInWithOidc({ issuer: claims.iss, claims, autoProvision }, client);
}

async function adminCreates(user: IdpUser, isAdmin = false) {
  const u = IDP_USERS[user]!;
  return createUser(cliActor(), {
    email: u.email,
    name: "Set by the administrator",
    password: PASSWORD,
    isAdmin,
  });
}

const refusalsFor = (userId: string | null) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.login_refused")))
    .then((rows) => rows.filter((r) => userId === null || r.objectId === userId));

describe("single sign-on: users keyed by (issuer, subject)", () => {
  it("links an account an administrator created on its first sign-in, then finds it by subject even when the email changes", async () => {
    const created = await adminCreates("olga.ops");
    const first = await sso("olga.ops");
    expect(first.userId).toBe(created.id);
    const [identity] = await db.select().from(userIdentities).where(eq(userIdentities.userId, created.id));
    expect(identity).toMatchObject({ issuer, subject: IDP_USERS["olga.ops"]!.sub });
    const [session] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sha256(first.sessionId)));
    expect(session!.authMethod).toBe("oidc");
    const actor = await actorFromSession(first.sessionId, client.ip);
    expect(actor?.userId).toBe(created.id);
    // The provider's name replaces the one the administrator typed.
    expect(actor?.name).toBe("Olga Operations");

    // Another person at the provider with the same email does not get the account.
    const impostor = await errorOf(sso("olga.impostor"));
    expect(impostor.details.refusal).toBe("other_person");
    expect((await refusalsFor(created.id)).at(-1)?.reason).toMatch(/linked to another subject/);

    // Same subject, new email at the provider: the same account, its email follows.
    const renamed = await sso("olga.renamed");
    expect(renamed.userId).toBe(created.id);
    const [row] = await db.select().from(users).where(eq(users.id, created.id));
    expect(row!.email).toBe("olga.married-name@corp.test");
  });

  it("does not match an account by an email the provider has not verified", async () => {
    const created = await adminCreates("una.unverified");
    const e = await errorOf(sso("una.unverified"));
    expect(e.details.refusal).toBe("unverified");
    expect(await db.select().from(userIdentities).where(eq(userIdentities.userId, created.id))).toHaveLength(
      0,
    );
  });
});

describe("single sign-on: auto-provision", () => {
  it("off: a person without an account is refused, and the refusal is in the trail", async () => {
    const e = await errorOf(sso("gus.groupless", false));
    expect(e.details.refusal).toBe("no_account");
    expect(e.message).toMatch(/administrator/);
    const [u] = await db.select().from(users).where(eq(users.email, IDP_USERS["gus.groupless"]!.email));
    expect(u).toBeUndefined();
    expect((await refusalsFor(null)).some((r) => /gus\.groupless@corp\.test/.test(r.reason ?? ""))).toBe(
      true,
    );
  });

  it("on: the first sign-in creates the account, with no password, keyed by the subject", async () => {
    const result = await sso("nina.new", true);
    const [u] = await db.select().from(users).where(eq(users.id, result.userId));
    expect(u).toMatchObject({
      email: "nina.new@corp.test",
      name: "Nina New",
      isAdmin: false,
      passwordHash: null,
    });
    const again = await sso("nina.new", true);
    expect(again.userId).toBe(result.userId);
    expect(await db.select().from(users).where(eq(users.email, "nina.new@corp.test"))).toHaveLength(1);
    // No password to sign in with.
    const pw = await errorOf(signIn({ email: "nina.new@corp.test", password: "anything at all" }, client));
    expect(pw.code).toBe("unauthenticated");
    const created = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.create"), eq(auditEvents.objectId, result.userId)));
    expect(created[0]!.reason).toMatch(/auto-provision/);
  });
});

describe("single sign-on: disabled accounts", () => {
  it("refuses a disabled user even with a valid login at the provider, and opens no session", async () => {
    const created = await adminCreates("dora.disabled");
    await sso("dora.disabled");
    await setUserDisabled(cliActor(), created.email, true);
    const before = await db.select().from(sessions).where(eq(sessions.userId, created.id));
    const e = await errorOf(sso("dora.disabled"));
    expect(e.details.refusal).toBe("disabled");
    expect(await db.select().from(sessions).where(eq(sessions.userId, created.id))).toHaveLength(
      before.length,
    );
    expect((await refusalsFor(created.id)).at(-1)?.reason).toBe("Single sign-on: account disabled");
    // Not by auto-provision either.
    const again = await errorOf(sso("dora.disabled", true));
    expect(again.details.refusal).toBe("disabled");
    expect(await db.select().from(roleGrants).where(eq(roleGrants.userId, created.id))).toHaveLength(0);
  });
});
