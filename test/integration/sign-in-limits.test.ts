import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { cliActor } from "@/lib/auth/resolve";
import { LOCKOUT } from "@/lib/services/auth/credentials";
import { signIn } from "@/lib/services/auth/sign-in";
import { listUnknownAccountFailures } from "@/lib/services/auth/unknown-account-failures";
import { listAuditEvents } from "@/lib/services/audit/list-events";
import { ServiceError } from "@/lib/services/base/errors";
import { useTestDatabase } from "../db";
import { PASSWORD, makeSite, makeUser } from "../fixtures";

let db: Db;
beforeAll(async () => {
  db = await useTestDatabase();
  await makeSite("LIM");
  await makeSite("OTH");
});

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

const eventsOf = (action: string, userId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, userId)));

describe("parallel wrong passwords", () => {
  it(`20 at once lock the account after exactly ${LOCKOUT.accountFailures} counted failures; the rest are refused and audited`, async () => {
    const u = await makeUser(["LIM:requester"]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        failure(signIn({ email: u.email, password: `wrong ${i}` }, { ip: freshIp(), userAgent: null })),
      ),
    );
    expect(results.filter((e) => e.code === "unauthenticated")).toHaveLength(LOCKOUT.accountFailures - 1);
    expect(results.filter((e) => e.code === "rate_limited")).toHaveLength(20 - LOCKOUT.accountFailures + 1);
    expect(await eventsOf("auth.login_failed", u.id)).toHaveLength(LOCKOUT.accountFailures);
    expect(await eventsOf("auth.locked", u.id)).toHaveLength(1);
    const refused = await eventsOf("auth.login_refused", u.id);
    expect(refused).toHaveLength(20 - LOCKOUT.accountFailures);
    expect(refused.every((e) => e.reason === "sign-in: account locked after repeated failures")).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // The right password is refused while locked, and that refusal is audited too.
    expect(
      (await failure(signIn({ email: u.email, password: PASSWORD }, { ip: freshIp(), userAgent: null })))
        .code,
    ).toBe("rate_limited");
    expect(await eventsOf("auth.login_refused", u.id)).toHaveLength(20 - LOCKOUT.accountFailures + 1);
  });

  it("a refused address is audited with its reason", async () => {
    const ip = freshIp();
    for (let i = 0; i < LOCKOUT.addressFailures; i++)
      await failure(signIn({ email: `guess${i}@example.test`, password: "x" }, { ip, userAgent: null }));
    const u = await makeUser(["LIM:requester"]);
    expect(
      (await failure(signIn({ email: u.email, password: PASSWORD }, { ip, userAgent: null }))).code,
    ).toBe("rate_limited");
    const [ev] = await eventsOf("auth.login_refused", u.id);
    expect(ev).toMatchObject({ ip, reason: "sign-in: too many failures from this address" });
  });
});

describe("the lockout answer does not reveal whether the account exists", () => {
  it("an unknown email locks with the same words as a real account", async () => {
    const real = await makeUser(["LIM:requester"]);
    const messages = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i <= LOCKOUT.accountFailures; i++)
        out.push(
          (await failure(signIn({ email, password: "nope" }, { ip: freshIp(), userAgent: null }))).message,
        );
      return out;
    };
    const known = await messages(real.email);
    const unknown = await messages("no-such-person@example.test");
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(/paused/);
    expect(known.at(-1)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe("who sees failed sign-ins", () => {
  it("an auditor sees those of people with a role at their site, not of other sites' people", async () => {
    const auditor = await makeUser(["LIM:auditor"]);
    const mine = await makeUser(["LIM:operations"]);
    const theirs = await makeUser(["OTH:operations"]);
    for (const email of [mine.email, theirs.email])
      await failure(signIn({ email, password: "nope" }, { ip: freshIp(), userAgent: null }));
    const page = await listAuditEvents(auditor.actor, { action: "auth.login_failed", limit: 100 });
    const about = page.items.map((e) => e.objectId);
    expect(about).toContain(mine.id);
    expect(about).not.toContain(theirs.id);
  });

  it("administrators see failed sign-ins for emails that match no account; others are refused", async () => {
    await failure(
      signIn({ email: "ghost@example.test", password: "nope" }, { ip: "192.0.2.44", userAgent: null }),
    );
    const admin = await makeUser([], { isAdmin: true });
    const rows = await listUnknownAccountFailures(admin.actor);
    expect(rows.find((r) => r.email === "ghost@example.test")).toMatchObject({
      ip: "192.0.2.44",
      refused: false,
    });
    expect(await listUnknownAccountFailures(cliActor())).not.toHaveLength(0);
    const auditor = await makeUser(["LIM:auditor"]);
    expect((await failure(listUnknownAccountFailures(auditor.actor))).code).toBe("forbidden");
  });
});
