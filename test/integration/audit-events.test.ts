import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, sites } from "@/db/schema";
import { AuditEventInvalid, appendAudit, type AuditInput } from "@/lib/audit/append";
import { readAuditPayload } from "@/lib/audit/events";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { createSite } from "@/lib/services/sites/create-site";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";

let db: Db;
let admin: Actor;

beforeAll(async () => {
  db = await useTestDatabase();
  admin = (await makeUser([], { isAdmin: true })).actor;
});

const events = async () => (await db.select({ n: count() }).from(auditEvents))[0]!.n;

/** A mutation and its (bad) audit event in one transaction, as every service writes them. */
async function mutateWith(code: string, input: unknown) {
  return db
    .transaction(async (tx) => {
      await tx.insert(sites).values({ code, name: code, timeZone: "UTC" });
      await appendAudit(tx, admin, input as AuditInput);
    })
    .then(
      () => "stored",
      (e: unknown) => (e instanceof AuditEventInvalid ? "refused" : String(e)),
    );
}

const siteEvent = {
  action: "site.create",
  objectType: "site",
  after: { code: "EVX", name: "X", timeZone: "UTC" },
};

describe("typed audit events", () => {
  it("refuses an event that does not match its type, and the mutation with it", async () => {
    const before = await events();
    const cases: [string, unknown][] = [
      ["EV1", { ...siteEvent, action: "site.demolish" }],
      ["EV2", { ...siteEvent, objectType: "asset" }],
      ["EV3", { ...siteEvent, after: { code: "EVX", name: "X" } }],
      ["EV4", { ...siteEvent, after: { ...siteEvent.after, secret: "not in the schema" } }],
      ["EV5", { ...siteEvent, after: { ...siteEvent.after, name: 42 } }],
      ["EV6", { ...siteEvent, before: { code: "EVX" } }],
      ["EV7", { ...siteEvent, siteId: "not-an-id" }],
    ];
    for (const [code, input] of cases)
      expect([code, await mutateWith(code, input)]).toEqual([code, "refused"]);
    expect(await events()).toBe(before);
    expect(await db.select().from(sites).where(eq(sites.code, "EV1"))).toEqual([]);
  });

  it("stores a valid event as given (instants as jsonb holds them) and reads it back as its type", async () => {
    expect(await mutateWith("EV8", siteEvent)).toBe("stored");
    const expiresAt = new Date("2027-01-01T00:00:00.000Z");
    const tokenId = "7d0c1d8e-4a3b-4c2d-9e1f-0a1b2c3d4e5f";
    await db.transaction((tx) =>
      appendAudit(tx, admin, {
        action: "token.create",
        objectType: "api_token",
        objectId: tokenId,
        after: {
          userEmail: admin.email,
          name: "ci",
          prefix: "il_abc",
          expiresAt: expiresAt.toISOString(),
          scopes: ["read"],
          parentTokenId: null,
        },
      }),
    );
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, tokenId));
    expect(row!.after).toMatchObject({ expiresAt: "2027-01-01T00:00:00.000Z", scopes: ["read"] });
    const p = readAuditPayload(row!);
    expect(p?.action).toBe("token.create");
    if (p?.action !== "token.create") throw new Error("not narrowed");
    expect(p.after.scopes).toEqual(["read"]);
    expect(p.before).toBeNull();
  });

  it("keeps the chain intact: validation checks what is stored and hashed, and changes nothing", async () => {
    const real = await createSite(admin, { code: "EV9", name: "Typed", timeZone: "Europe/Berlin" });
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, real.id));
    expect(row).toMatchObject({ action: "site.create", objectType: "site" });
    expect(readAuditPayload(row!)).toMatchObject({ after: { code: "EV9", timeZone: "Europe/Berlin" } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it("reads an event stored in another shape (an older version's) as untyped, not as a wrong type", () => {
    expect(
      readAuditPayload({
        action: "gate.decision",
        objectType: "change",
        before: null,
        after: { allowed: true },
      }),
    ).toBeNull();
    expect(
      readAuditPayload({ action: "change.teleport", objectType: "change", before: null, after: null }),
    ).toBeNull();
  });
});
