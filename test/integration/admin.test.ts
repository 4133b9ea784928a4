import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { assets, auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFromToken, cliActor } from "@/lib/auth/resolve";
import { hasSitePermission, SITE_PERMISSIONS, type SitePermission } from "@/lib/auth/permissions";
import { SITE_ROLES } from "@/lib/domain/constants";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import { assetSummary } from "@/lib/services/assets/summary";
import { ServiceError } from "@/lib/services/base/errors";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { listSitesPage } from "@/lib/services/sites/list-page";
import { getSiteByCode } from "@/lib/services/sites/get-site";
import { listSites } from "@/lib/services/sites/list-sites";
import { createToken } from "@/lib/services/tokens/create-token";
import { mintTokenFor } from "@/lib/services/tokens/mint-token";
import { listTokens } from "@/lib/services/tokens/list-tokens";
import { revokeToken } from "@/lib/services/tokens/revoke-token";
import { getUserAdminView } from "@/lib/services/users/admin-view";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { grantRole } from "@/lib/services/users/grant-role";
import { resetPassword } from "@/lib/services/users/reset-password";
import { revokeRole } from "@/lib/services/users/revoke-role";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { useTestDatabase } from "../db";
import { makeSite, makeUser } from "../fixtures";

let db: Db;
let siteId: string;
beforeAll(async () => {
  db = await useTestDatabase();
  siteId = (await makeSite("ADM", "America/Chicago", ["U1"])).id;
  await makeSite("OTH", "Europe/Berlin", ["X"]);
  await db.insert(assets).values({
    siteId,
    tag: "PLC-1",
    name: "Reactor PLC",
    kind: "plc",
    criticality: "safety_critical",
    safetyRelated: true,
  });
});

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a refusal").toBeInstanceOf(ServiceError);
  return (e as ServiceError).code;
}

describe("administrator services refuse everyone else", () => {
  const adminCalls = (a: Actor, target: string): [string, () => Promise<unknown>][] => [
    ["createSite", () => createSite(a, { code: "NEW1", name: "New", timeZone: "UTC" })],
    ["createArea", () => createArea(a, "ADM", { code: "U9", name: "Nine" })],
    [
      "createUser",
      () => createUser(a, { email: "new@example.test", name: "New", password: "long enough password" }),
    ],
    ["setUserDisabled", () => setUserDisabled(a, target, true)],
    ["setUserDisabled(enable)", () => setUserDisabled(a, target, false)],
    ["resetPassword", () => resetPassword(a, target, { password: "another long password" })],
    ["grantRole", () => grantRole(a, target, { siteCode: "ADM", role: "safety" })],
    ["revokeRole", () => revokeRole(a, target, { siteCode: "ADM", role: "requester" })],
    ["listUsers", () => listUsers(a)],
    ["getUserAdminView", () => getUserAdminView(a, target)],
    ["mintTokenFor", () => mintTokenFor(a, { email: target, name: "x" })],
  ];

  it("a user holding every site role but not the administrator flag gets forbidden from each", async () => {
    const target = await makeUser(["ADM:requester"]);
    const everything = await makeUser(SITE_ROLES.map((r) => `ADM:${r}` as const));
    for (const [name, call] of adminCalls(everything.actor, target.email))
      expect(await code(call()), name).toBe("forbidden");
    const [row] = await db.select().from(users).where(eq(users.id, target.id));
    expect(row!.disabledAt).toBeNull();
  });

  it("a token of a non-administrator is refused the same way", async () => {
    const target = await makeUser(["ADM:requester"]);
    const plain = await makeUser(["OTH:auditor"]);
    const t = await createToken(plain.actor, { name: "t" });
    const actor = (await actorFromToken(t.token, null))!;
    for (const [name, call] of adminCalls(actor, target.email))
      expect(await code(call()), name).toBe("forbidden");
  });

  it("token services refuse an actor without a user, and strangers' tokens are not found", async () => {
    expect(await code(createToken(cliActor(), { name: "x" }))).toBe("forbidden");
    expect(await code(listTokens(cliActor()))).toBe("forbidden");
    const owner = await makeUser([]);
    const stranger = await makeUser(["ADM:change_manager"]);
    const t = await createToken(owner.actor, { name: "mine" });
    expect(await code(revokeToken(stranger.actor, t.id))).toBe("not_found");
    expect((await listTokens(stranger.actor)).items).toEqual([]);
  });

  it("the audit chain is verified only by administrators and auditors", async () => {
    const requester = await makeUser(["ADM:requester"]);
    const manager = await makeUser(["ADM:change_manager"]);
    const auditor = await makeUser(["OTH:auditor"]);
    const admin = await makeUser([], { isAdmin: true });
    expect(await code(verifyAudit(requester.actor))).toBe("forbidden");
    expect(await code(verifyAudit(manager.actor))).toBe("forbidden");
    expect(await verifyAudit(auditor.actor)).toMatchObject({ ok: true, firstBrokenId: null });
    expect((await verifyAudit(admin.actor)).checked).toBeGreaterThan(10);
  });
});

describe("administrator rights never imply site rights", () => {
  it("an administrator without roles sees no site data, while a role holder does", async () => {
    const admin = await makeUser([], { isAdmin: true });
    const operator = await makeUser(["ADM:operations"]);
    expect(await assetSummary(admin.actor)).toEqual([]);
    expect((await assetSummary(operator.actor)).map((s) => [s.siteCode, s.total])).toEqual([["ADM", 1]]);
    for (const p of Object.keys(SITE_PERMISSIONS) as SitePermission[])
      expect(hasSitePermission(admin.actor, p, siteId), p).toBe(false);
  });

  it("administrators see every site (to manage them); others only their own", async () => {
    const admin = await makeUser([], { isAdmin: true });
    const operator = await makeUser(["ADM:operations"]);
    expect((await listSites(admin.actor)).map((s) => s.code)).toEqual(expect.arrayContaining(["ADM", "OTH"]));
    expect((await listSites(operator.actor)).map((s) => s.code)).toEqual(["ADM"]);
    expect(await code(getSiteByCode(operator.actor, "OTH"))).toBe("not_found");
    const first = await listSitesPage(admin.actor, { limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await listSitesPage(admin.actor, { limit: 1, cursor: first.nextCursor });
    expect(second.items[0]!.code > first.items[0]!.code).toBe(true);
  });
});

describe("user administration", () => {
  it("creates, disables, resets, grants and revokes, each audited", async () => {
    const admin = await makeUser([], { isAdmin: true });
    const created = await createUser(admin.actor, {
      email: "Operator.New@Example.test",
      name: "Olive Operator",
      password: "initial password 1",
      grants: [{ siteCode: "adm", role: "operations" }],
    });
    expect(created.email).toBe("operator.new@example.test");
    await grantRole(admin.actor, created.email, { siteCode: "OTH", role: "auditor" });
    await revokeRole(admin.actor, created.email, { siteCode: "ADM", role: "operations" });
    await resetPassword(admin.actor, created.email, { password: "replacement password" });
    await setUserDisabled(admin.actor, created.email, true);
    const view = await getUserAdminView(admin.actor, "OPERATOR.NEW@example.test");
    expect(view).toMatchObject({ email: created.email, status: "disabled", isAdmin: false });
    expect(view.grants.map((g) => `${g.siteCode}:${g.role}`)).toEqual(["OTH:auditor"]);
    const actions = (
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.objectType, "user"), eq(auditEvents.objectId, created.id)))
    ).map((e) => e.action);
    expect(actions).toEqual([
      "user.create",
      "role.grant",
      "role.revoke",
      "user.password_reset",
      "user.disable",
    ]);
    expect(await code(setUserDisabled(admin.actor, admin.email, true))).toBe("conflict");
    expect(await code(getUserAdminView(admin.actor, "nobody@example.test"))).toBe("not_found");
    expect(await code(getUserAdminView(admin.actor, "<script>"))).toBe("not_found");
  });

  it("lists users with status, roles, filters, sorting and pages", async () => {
    const admin = await makeUser([], { isAdmin: true });
    const locked = await makeUser(["ADM:safety"], { name: "Zed Locked" });
    await db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, locked.id));
    const disabled = await makeUser([], { name: "Amy Disabled" });
    await setUserDisabled(admin.actor, disabled.email, true);

    const all = await listUsers(admin.actor, { limit: 500 });
    const byEmail = new Map(all.items.map((u) => [u.email, u]));
    expect(byEmail.get(locked.email)).toMatchObject({
      status: "locked",
      roles: [{ siteCode: "ADM", role: "safety" }],
    });
    expect(byEmail.get(disabled.email)?.status).toBe("disabled");
    expect(all.items.map((u) => u.email)).toEqual([...all.items.map((u) => u.email)].sort());

    expect((await listUsers(admin.actor, { status: "locked" })).items.map((u) => u.email)).toEqual([
      locked.email,
    ]);
    expect((await listUsers(admin.actor, { status: "disabled" })).items.map((u) => u.email)).toContain(
      disabled.email,
    );
    expect((await listUsers(admin.actor, { status: "active" })).items.map((u) => u.email)).not.toContain(
      locked.email,
    );
    expect((await listUsers(admin.actor, { status: "admin" })).items.every((u) => u.isAdmin)).toBe(true);
    expect((await listUsers(admin.actor, { q: "zed lock" })).items.map((u) => u.id)).toEqual([locked.id]);
    expect((await listUsers(admin.actor, { q: "%" })).items).toEqual([]);

    const byName = await listUsers(admin.actor, { sort: "name", dir: "desc", limit: 500 });
    expect(byName.items[0]!.name).toBe("Zed Locked");

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listUsers(admin.actor, { sort: "created", dir: "desc", limit: 3, cursor });
      seen.push(...p.items.map((u) => u.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(all.items.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("shows a user's tokens to administrators, who may revoke them", async () => {
    const admin = await makeUser([], { isAdmin: true });
    const u = await makeUser(["ADM:requester"]);
    const t = await createToken(u.actor, { name: "laptop" });
    const view = await getUserAdminView(admin.actor, u.email);
    expect(view.tokens.map((x) => [x.name, x.status])).toEqual([["laptop", "active"]]);
    expect(JSON.stringify(view)).not.toContain(t.token);
    await revokeToken(admin.actor, t.id);
    expect((await getUserAdminView(admin.actor, u.email)).tokens[0]!.status).toBe("revoked");
  });

  it("creates sites and areas with validated zones and unique codes", async () => {
    const admin = await makeUser([], { isAdmin: true });
    const site = await createSite(admin.actor, {
      code: "new2",
      name: "Second plant",
      timeZone: "Asia/Kolkata",
    });
    expect(site).toMatchObject({ code: "NEW2", timeZone: "Asia/Kolkata" });
    await createArea(admin.actor, "new2", { code: "boil", name: "Boilers" });
    expect((await getSiteByCode(admin.actor, "NEW2")).areas.map((a) => a.code)).toEqual(["BOIL"]);
    expect(await code(createSite(admin.actor, { code: "NEW2", name: "Again", timeZone: "UTC" }))).toBe(
      "conflict",
    );
    expect(await code(createArea(admin.actor, "NEW2", { code: "BOIL", name: "Again" }))).toBe("conflict");
    expect(await code(createArea(admin.actor, "NOPE", { code: "A", name: "A" }))).toBe("not_found");
    await expect(
      createSite(admin.actor, { code: "NEW3", name: "Bad zone", timeZone: "+02:00" }),
    ).rejects.toThrow(/IANA/);
  });
});
