import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, signingDelegations, signoffs } from "@/db/schema";
import { cliActor } from "@/lib/auth/resolve";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { submitChange } from "@/lib/services/changes/submit";
import { createDelegation } from "@/lib/services/delegations/create-delegation";
import { listDelegations } from "@/lib/services/delegations/list-delegations";
import { revokeDelegation } from "@/lib/services/delegations/revoke-delegation";
import { grantRole } from "@/lib/services/users/grant-role";
import { pdfText } from "../pdf-text";
import * as delegationsRoute from "@/app/api/v1/delegations/route";
import { changeRecordPdf } from "@/lib/pdf/change-record";
import { getChangeRecord } from "@/lib/services/records/get-change-record";
import { createToken } from "@/lib/services/tokens/create-token";
import { actorFromFeedToken } from "@/lib/auth/feed";
import { calendarIcs } from "@/lib/services/schedule/calendar-ics";
import { createCalendarFeed } from "@/lib/services/schedule/create-calendar-feed";
import { useTestDatabase } from "../db";
import { call, expectJson, expectProblem } from "./api-helpers";
import { makeUser, signInAs } from "../fixtures";
import { changeWorld, codeOf, draft, errorOf, sign, type World } from "./changes-helpers";

// Issue 15 item 3: an approver lends their signing authority for one role at one site.
let db: Db;
let w: World;

/** Days at the plant (America/Chicago), as the form takes them. */
const day = (offset: number) => DateTime.now().setZone("America/Chicago").plus({ days: offset }).toISODate()!;

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

async function waitingForSafety(requester = w.people.requester.actor) {
  const c = await createChange(requester, draft(w, [w.assets.sis.id]));
  return submitChange(requester, c.id);
}

const rowsBy = async (delegatorId: string) =>
  db.select().from(signingDelegations).where(eq(signingDelegations.delegatorId, delegatorId));
const eventsOf = (action: "delegation.create" | "delegation.revoke", objectId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId)));

describe("delegating signing authority: refusals, nothing saved", () => {
  it("refuses a delegation to oneself, to a conflicting role holder, in the past, without the role, or overlapping one already made", async () => {
    const sofia = w.people.safetyA;
    const dan = await makeUser([], { name: "Dan Delegate" });
    const base = { siteCode: "PLA", role: "safety" as const, startDate: day(0), endDate: day(6) };
    const refused = async (input: Parameters<typeof createDelegation>[1], actor = sofia.actor) => {
      const e = await errorOf(createDelegation(actor, input));
      expect(e.code).toBe("invalid");
      return e;
    };

    const self = await refused({ ...base, delegateEmail: sofia.email });
    expect(self.message).toMatch(/cannot delegate to yourself/);
    expect(self.details.errors?.[0]?.path).toBe("delegateEmail");

    // Olga is the plant's operations approver: she would speak for operations and safety at once.
    const conflicting = await refused({ ...base, delegateEmail: w.people.opsA.email });
    expect(conflicting.message).toMatch(/Olga Operations is an operations approver at PLA plant/);
    expect((await refused({ ...base, delegateEmail: w.people.auditor.email })).message).toMatch(/auditor/);

    const past = await refused({ ...base, delegateEmail: dan.email, startDate: day(-3), endDate: day(2) });
    expect(past.message).toMatch(/cannot start in the past/);
    expect(
      (await refused({ ...base, delegateEmail: dan.email, startDate: day(3), endDate: day(1) })).message,
    ).toMatch(/on or after the first day/);
    const noRole = await refused({ ...base, role: "security", delegateEmail: dan.email });
    expect(noRole.message).toMatch(/not a security approver at PLA plant/);
    expect(await rowsBy(sofia.id)).toHaveLength(0);

    const first = await createDelegation(sofia.actor, { ...base, delegateEmail: dan.email, reason: "Leave" });
    const eve = await makeUser([], { name: "Eve Other" });
    const overlap = await refused({ ...base, delegateEmail: eve.email, startDate: day(6), endDate: day(9) });
    expect(overlap.message).toMatch(/already delegated this role at PLA plant to Dan Delegate/);
    expect(await rowsBy(sofia.id)).toHaveLength(1);
    // Days that do not overlap are fine.
    await createDelegation(sofia.actor, {
      ...base,
      delegateEmail: eve.email,
      startDate: day(7),
      endDate: day(9),
    });
    await revokeDelegation(sofia.actor, first.id);
    for (const d of await rowsBy(sofia.id)) if (!d.revokedAt) await revokeDelegation(sofia.actor, d.id);
  });
});

describe("a delegate signs on behalf of the approver", () => {
  it("is audited, visible to the site's change managers and the two people only, and both names are on the sign-off", async () => {
    const sofia = w.people.safetyA;
    const dan = await makeUser([], { name: "Dan Deputy" });
    const made = await createDelegation(sofia.actor, {
      delegateEmail: dan.email,
      siteCode: "PLA",
      role: "safety",
      startDate: day(0),
      endDate: day(13),
      reason: "Annual leave",
    });
    expect(made).toMatchObject({
      state: "active",
      delegatorName: "Sofia Safety",
      delegateName: "Dan Deputy",
    });
    const [created] = await eventsOf("delegation.create", made.id);
    expect(created!.after).toMatchObject({ delegateName: "Dan Deputy", role: "safety", siteCode: "PLA" });
    expect(created!.reason).toBe("Annual leave");

    const ids = async (actor: Parameters<typeof listDelegations>[0]) =>
      (await listDelegations(actor)).map((d) => d.id);
    expect(await ids(w.people.boardA.actor)).toContain(made.id);
    expect(await ids(sofia.actor)).toContain(made.id);
    expect(await ids(w.people.opsB.actor)).not.toContain(made.id);

    // Dan, who holds no role at the plant, now sees its change and signs it for Sofia.
    const deputy = await signInAs(dan.email);
    const c = await waitingForSafety();
    const view = await sign(deputy, c.id, "safety");
    const [row] = await db.select().from(signoffs).where(eq(signoffs.changeId, c.id));
    expect(row).toMatchObject({
      signerName: "Dan Deputy",
      onBehalfOfId: sofia.id,
      onBehalfOfName: "Sofia Safety",
      delegationId: made.id,
      meaning: "Approved as safety authority on behalf of Sofia Safety",
    });
    expect(view.signoffs.find((s) => s.role === "safety")).toMatchObject({
      signerName: "Dan Deputy",
      onBehalfOfName: "Sofia Safety",
    });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "signoff.sign"), eq(auditEvents.objectId, c.id)));
    expect(event!.after).toMatchObject({
      signerName: "Dan Deputy",
      onBehalfOf: { userId: sofia.id, name: "Sofia Safety", delegationId: made.id },
    });
    const record = await changeRecordPdf(await getChangeRecord(w.people.auditor.actor, c.id));
    const text = await pdfText(record);
    expect(text).toContain("Dan Deputy on behalf of Sofia Safety");
    expect(text).toMatch(/On behalf of:\s*Sofia Safety \(delegated signing authority\)/);
    // The lent role shows and signs; it edits nothing.
    expect(await codeOf(createChange(deputy, draft(w, [w.assets.plc.id])))).toBe("forbidden");

    // Once ended, the role is gone: the change is no longer Dan's to see.
    await revokeDelegation(w.people.boardA.actor, made.id, { reason: "Back early" });
    expect((await eventsOf("delegation.revoke", made.id))[0]!.after).toMatchObject({
      revokedByName: "Carla Board",
    });
    const after = await signInAs(dan.email);
    expect(await codeOf(getChange(after, c.id))).toBe("not_found");
  });

  it("is refused when the delegate or the approver has a conflict on the change", async () => {
    const dual = w.people.opsAndSecurity;
    const dan = await makeUser([], { name: "Dora Deputy" });
    const d = await createDelegation(dual.actor, {
      delegateEmail: dan.email,
      siteCode: "PLA",
      role: "security",
      startDate: day(0),
      endDate: day(2),
    });
    const deputy = await signInAs(dan.email);

    // The approver's authority already gave the operations sign-off: not a second one through a deputy.
    const c1 = await waitingForSafety();
    await sign(dual.actor, c1.id, "operations");
    const twice = await errorOf(sign(deputy, c1.id, "security"));
    expect(twice.code).toBe("forbidden");
    expect(twice.message).toMatch(/Dual Role has already signed this change \(Operations\)/);

    // The deputy is the change's implementer: separation of duties applies to them as to anyone.
    await grantRole(cliActor(), dan.email, { siteCode: "PLA", role: "requester" });
    const c2 = await createChange(
      w.people.requester.actor,
      draft(w, [w.assets.sis.id], { implementerEmail: dan.email }),
    );
    await submitChange(w.people.requester.actor, c2.id);
    const implementer = await errorOf(sign(await signInAs(dan.email), c2.id, "security"));
    expect(implementer.message).toMatch(/assigned implementer/);

    // A conflicting role granted after the delegation was made stops the deputy signing.
    await grantRole(cliActor(), dan.email, { siteCode: "PLA", role: "operations" });
    const c3 = await waitingForSafety();
    const conflicted = await errorOf(sign(await signInAs(dan.email), c3.id, "security"));
    expect(conflicted.message).toMatch(/You are an operations approver at a site of this change/);
    expect(await db.select().from(signoffs).where(eq(signoffs.delegationId, d.id))).toHaveLength(0);
  });

  it("a delegation that starts later lends nothing today", async () => {
    const sofia = w.people.safetyA;
    const fay = await makeUser([], { name: "Fay Future" });
    const d = await createDelegation(sofia.actor, {
      delegateEmail: fay.email,
      siteCode: "PLA",
      role: "safety",
      startDate: day(20),
      endDate: day(22),
    });
    expect(d.state).toBe("upcoming");
    const c = await waitingForSafety();
    expect(await codeOf(getChange(await signInAs(fay.email), c.id))).toBe("not_found");
  });
});

describe("the delegations API", () => {
  it("creates and lists with a token, and refuses bad input as problem+json naming the rule, nothing saved", async () => {
    const quinn = w.people.qualityB;
    const { token } = await createToken(quinn.actor, { name: "api", scopes: ["read", "write"] });
    const post = (body: unknown) =>
      call(delegationsRoute.POST as never, {
        method: "POST",
        path: "/api/v1/delegations",
        token,
        body: JSON.stringify(body),
      });
    const germany = (offset: number) =>
      DateTime.now().setZone("Europe/Berlin").plus({ days: offset }).toISODate()!;
    const base = { siteCode: "PLB", role: "quality", startDate: germany(1), endDate: germany(3) };

    const self = await expectProblem(await post({ ...base, delegateEmail: quinn.email }), 422);
    expect(self.detail).toMatch(/cannot delegate to yourself; name a colleague\. Nothing was saved\./);
    expect(self.errors).toEqual([{ path: "delegateEmail", message: expect.stringMatching(/yourself/) }]);
    const conflict = await expectProblem(
      await post({ ...base, delegateEmail: w.people.securityB.email }),
      422,
    );
    expect(conflict.detail).toMatch(/Sven Security is a security approver at PLB plant/);
    const bad = await expectProblem(
      await post({ ...base, delegateEmail: "x@example.test", role: "requester" }),
      422,
    );
    expect(bad.errors?.map((e) => e.path)).toContain("role");
    expect(await rowsBy(quinn.id)).toHaveLength(0);

    const ana = await makeUser([], { name: "Ana Api" });
    const res = await post({ ...base, delegateEmail: ana.email });
    expect(res.status).toBe(201);
    const made = await expectJson(res);
    expect(made).toMatchObject({
      delegateName: "Ana Api",
      role: "quality",
      siteCode: "PLB",
      state: "upcoming",
    });
    const listed = await expectJson(
      await call(delegationsRoute.GET as never, { method: "GET", path: "/api/v1/delegations", token }),
    );
    expect((listed.items as { id: string }[]).map((d) => d.id)).toContain(made.id);
  });
});

describe("a delegate's other ways in", () => {
  it("a calendar-feed URL reads the lent site as the portal does (the feed once resolved the user's own roles alone)", async () => {
    const fay = await makeUser([], { name: "Fay Feed" });
    await createDelegation(w.people.opsB.actor, {
      delegateEmail: fay.email,
      siteCode: "PLB",
      role: "operations",
      startDate: day(0),
      endDate: day(2),
      reason: "Shift cover",
    });
    const portal = await signInAs(fay.email);
    const grant = await createCalendarFeed(portal, { baseUrl: "https://interlock.example" });
    expect(grant.feeds.map((f) => f.siteCode)).toEqual(["PLB"]);
    const feed = await actorFromFeedToken(grant.token, null);
    expect(feed?.grants.map((g) => `${g.siteCode}:${g.role}`)).toEqual(["PLB:operations"]);
    expect(await calendarIcs(feed!, "PLB")).toMatch(/^BEGIN:VCALENDAR/);
    await expect(calendarIcs(feed!, "PLA")).rejects.toMatchObject({ code: "not_found" });
  });
});
