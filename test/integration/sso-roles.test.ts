import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, roleGrants, sites } from "@/db/schema";
import { actorFromSession, cliActor } from "@/lib/auth/resolve";
import { signIn } from "@/lib/services/auth/sign-in";
import { createRoleMapping } from "@/lib/services/sso/create-mapping";
import { decideHeldRole } from "@/lib/services/sso/decide-held-role";
import { deleteRoleMapping } from "@/lib/services/sso/delete-mapping";
import { listHeldRoles } from "@/lib/services/sso/list-held-roles";
import { listRoleMappings } from "@/lib/services/sso/list-mappings";
import { signInWithOidc } from "@/lib/services/sso/sign-in-oidc";
import { createUser } from "@/lib/services/users/create-user";
import { grantRole } from "@/lib/services/users/grant-role";
import { useTestDatabase } from "../db";
import { errorOf } from "./changes-helpers";
import { PASSWORD, makeSite, makeUser } from "../fixtures";
import { IDP_USERS, idpSignIn, useTestIdp, type IdpUser } from "../idp/drive";

let db: Db;
const client = { ip: "203.0.113.9", userAgent: "vitest" };

beforeAll(async () => {
  db = await useTestDatabase();
  useTestIdp();
  await makeSite("GCR");
  await makeSite("RHP", "Europe/Berlin");
  const admin = cliActor();
  await createRoleMapping(admin, {
    claim: "groups",
    value: "ot-ops-gcr",
    siteCode: "GCR",
    role: "operations",
  });
  await createRoleMapping(admin, { value: "ot-ops-rhp", siteCode: "rhp", role: "operations" });
  await createRoleMapping(admin, { value: "ot-safety-gcr", siteCode: "GCR", role: "safety" });
});

afterEach(() => {
  delete process.env.INTERLOCK_PASSWORD_LOGIN;
  delete process.env.INTERLOCK_BREAK_GLASS_ADMIN;
});

async function sso(user: IdpUser) {
  const claims = await idpSignIn(user);
  const r = await signInWithOidc({ issuer: claims.iss, claims, autoProvision: false }, client);
  return (await actorFromSession(r.sessionId, client.ip))!;
}

const grantsOf = async (userId: string) =>
  (
    await db
      .select({
        site: sites.code,
        role: roleGrants.role,
        source: roleGrants.source,
        claim: roleGrants.idpClaim,
      })
      .from(roleGrants)
      .innerJoin(sites, eq(sites.id, roleGrants.siteId))
      .where(eq(roleGrants.userId, userId))
  ).sort((a, b) => `${a.site}${a.role}`.localeCompare(`${b.site}${b.role}`));

describe("roles from the identity provider", () => {
  it("replaces the IdP grants by the mapping's result at each sign-in, keeps manual grants, and audits each change with its claim", async () => {
    const u = IDP_USERS["olga.ops"]!;
    const created = await createUser(cliActor(), { email: u.email, name: u.name, password: PASSWORD });
    await grantRole(cliActor(), u.email, { siteCode: "RHP", role: "security" });

    const actor = await sso("olga.ops");
    expect(actor.grants.map((g) => `${g.siteCode}:${g.role}`).sort()).toEqual([
      "GCR:operations",
      "RHP:operations",
      "RHP:security",
    ]);
    expect(await grantsOf(created.id)).toEqual([
      { site: "GCR", role: "operations", source: "idp", claim: "groups=ot-ops-gcr" },
      { site: "RHP", role: "operations", source: "idp", claim: "groups=ot-ops-rhp" },
      { site: "RHP", role: "security", source: "manual", claim: null },
    ]);

    // The same person signs in with fewer groups: the RHP operations role goes, the manual one stays.
    await sso("olga.renamed");
    expect(await grantsOf(created.id)).toEqual([
      { site: "GCR", role: "operations", source: "idp", claim: "groups=ot-ops-gcr" },
      { site: "RHP", role: "security", source: "manual", claim: null },
    ]);
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.objectId, created.id));
    const grants = trail.filter((e) => e.action === "role.grant" && e.actorId === created.id);
    expect(grants.map((e) => e.reason).sort()).toEqual([
      "Identity provider: groups=ot-ops-gcr",
      "Identity provider: groups=ot-ops-rhp",
    ]);
    const revoke = trail.find((e) => e.action === "role.revoke");
    expect(revoke?.reason).toMatch(/groups=ot-ops-rhp is no longer/);
    expect(revoke?.before).toMatchObject({ siteCode: "RHP", role: "operations", source: "idp" });

    // A sign-in with the same claims changes nothing and writes no grant events.
    const before = trail.length;
    await sso("olga.renamed");
    const after = await db.select().from(auditEvents).where(eq(auditEvents.objectId, created.id));
    expect(after.filter((e) => e.action.startsWith("role.")).length).toBe(
      trail.filter((e) => e.action.startsWith("role.")).length,
    );
    expect(after.length).toBeGreaterThan(before);
  });

  it("a manual grant of a role the provider also gives stays when the claim goes", async () => {
    const u = IDP_USERS["sam.safety"]!;
    const created = await createUser(cliActor(), { email: u.email, name: u.name, password: PASSWORD });
    await sso("sam.safety");
    await grantRole(cliActor(), u.email, { siteCode: "GCR", role: "safety" });
    expect(await grantsOf(created.id)).toEqual([
      { site: "GCR", role: "safety", source: "manual", claim: null },
    ]);
    const mapping = (await listRoleMappings(cliActor())).find((m) => m.value === "ot-safety-gcr")!;
    await deleteRoleMapping(cliActor(), mapping.id);
    await sso("sam.safety");
    expect(await grantsOf(created.id)).toEqual([
      { site: "GCR", role: "safety", source: "manual", claim: null },
    ]);
    await createRoleMapping(cliActor(), { value: "ot-safety-gcr", siteCode: "GCR", role: "safety" });
  });

  it("removing a mapping takes its IdP grants away at once", async () => {
    const u = IDP_USERS["nina.new"]!;
    const created = await createUser(cliActor(), { email: u.email, name: u.name, password: PASSWORD });
    const m = await createRoleMapping(cliActor(), {
      value: "ot-security-rhp",
      siteCode: "RHP",
      role: "security",
    });
    await sso("nina.new");
    expect(await grantsOf(created.id)).toHaveLength(1);
    expect((await deleteRoleMapping(cliActor(), m.id)).revokedGrants).toBe(1);
    expect(await grantsOf(created.id)).toEqual([]);
  });

  it("holds roles for an administrator's own account until a second administrator approves", async () => {
    const u = IDP_USERS["ada.admin"]!;
    const ada = await createUser(cliActor(), {
      email: u.email,
      name: u.name,
      password: PASSWORD,
      isAdmin: true,
    });
    const actor = await sso("ada.admin");
    expect(actor.grants).toEqual([]);
    const held = (await listHeldRoles(actor)).filter((h) => h.email === u.email);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      siteCode: "GCR",
      role: "safety",
      claim: "groups=ot-safety-gcr",
      own: true,
    });
    // Signing in again does not queue it twice.
    await sso("ada.admin");
    expect((await listHeldRoles(actor)).filter((h) => h.email === u.email)).toHaveLength(1);

    const self = await errorOf(decideHeldRole(actor, held[0]!.id, { decision: "approved" }));
    expect(self.code).toBe("forbidden");
    const other = await makeUser([], { isAdmin: true });
    const nonAdmin = await makeUser(["GCR:requester"]);
    expect((await errorOf(decideHeldRole(nonAdmin.actor, held[0]!.id, { decision: "approved" }))).code).toBe(
      "forbidden",
    );
    await decideHeldRole(other.actor, held[0]!.id, { decision: "approved" });
    expect(await grantsOf(ada.id)).toEqual([
      { site: "GCR", role: "safety", source: "idp", claim: "groups=ot-safety-gcr" },
    ]);
    const approved = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "role.idp_approve"), eq(auditEvents.objectId, ada.id)));
    expect(approved[0]!.actorId).toBe(other.id);
    // Kept at the next sign-in while the claim stays.
    const again = await sso("ada.admin");
    expect(again.grants.map((g) => `${g.siteCode}:${g.role}`)).toEqual(["GCR:safety"]);
  });

  it("a declined role is not asked for again at every sign-in", async () => {
    const m = await createRoleMapping(cliActor(), {
      value: "interlock-admins",
      siteCode: "RHP",
      role: "quality",
    });
    const ada = await sso("ada.admin");
    const held = (await listHeldRoles(cliActor())).find(
      (h) => h.email === ada.email && h.siteCode === "RHP",
    )!;
    expect(held).toMatchObject({ role: "quality", claim: "groups=interlock-admins" });
    await decideHeldRole(cliActor(), held.id, { decision: "declined" });
    const again = await sso("ada.admin");
    expect(again.grants.map((g) => `${g.siteCode}:${g.role}`)).toEqual(["GCR:safety"]);
    expect((await listHeldRoles(cliActor())).filter((h) => h.email === ada.email)).toEqual([]);
    expect((await errorOf(decideHeldRole(cliActor(), held.id, { decision: "approved" }))).code).toBe(
      "conflict",
    );
    await deleteRoleMapping(cliActor(), m.id);
  });

  it("mappings are administered by administrators only, with the shared schema", async () => {
    const nonAdmin = await makeUser(["GCR:change_manager"]);
    expect(
      (await errorOf(createRoleMapping(nonAdmin.actor, { value: "x", siteCode: "GCR", role: "safety" })))
        .code,
    ).toBe("forbidden");
    const bad = await errorOf(createRoleMapping(cliActor(), { value: " ", siteCode: "GCR", role: "safety" }));
    expect(bad.code).toBe("invalid");
    expect(
      (await errorOf(createRoleMapping(cliActor(), { value: "x", siteCode: "NOPE", role: "safety" }))).code,
    ).toBe("not_found");
    const dup = await errorOf(
      createRoleMapping(cliActor(), { value: "ot-ops-gcr", siteCode: "GCR", role: "operations" }),
    );
    expect(dup.code).toBe("conflict");
  });
});

describe("INTERLOCK_PASSWORD_LOGIN", () => {
  it("admins: only administrators sign in with a password; off: only the break-glass administrator", async () => {
    const plain = await makeUser(["GCR:requester"]);
    const admin = await makeUser([], { isAdmin: true });
    const glass = await makeUser([], { isAdmin: true });
    process.env.INTERLOCK_PASSWORD_LOGIN = "admins";
    expect((await errorOf(signIn({ email: plain.email, password: PASSWORD }, client))).message).toMatch(
      /single sign-on/,
    );
    await signIn({ email: admin.email, password: PASSWORD }, client);

    process.env.INTERLOCK_PASSWORD_LOGIN = "off";
    process.env.INTERLOCK_BREAK_GLASS_ADMIN = glass.email.toUpperCase();
    await errorOf(signIn({ email: admin.email, password: PASSWORD }, client));
    await signIn({ email: glass.email, password: PASSWORD }, client);
    const refused = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.login_refused"), eq(auditEvents.objectId, admin.id)));
    expect(refused.at(-1)?.reason).toBe("sign-in: password sign-in is off");
  });
});
