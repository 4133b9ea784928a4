import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, signoffs, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSession, actorFromToken, cliActor } from "@/lib/auth/resolve";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import { beginSsoSignature } from "@/lib/services/sso/begin-sso-signature";
import { completeSsoSignature } from "@/lib/services/sso/complete-sso-signature";
import { createRoleMapping } from "@/lib/services/sso/create-mapping";
import { getReauthResume } from "@/lib/services/sso/get-reauth-resume";
import { signInWithOidc } from "@/lib/services/sso/sign-in-oidc";
import { createUser } from "@/lib/services/users/create-user";
import { createToken } from "@/lib/services/tokens/create-token";
import * as signoffsRoute from "@/app/api/v1/changes/[id]/signoffs/route";
import { useTestDatabase } from "../db";
import { call, expectProblem } from "./api-helpers";
import { PASSWORD } from "../fixtures";
import { IDP_USERS, idpSignIn, loginAtIdp, useTestIdp } from "../idp/drive";
import { changeWorld, draft, errorOf, sign, shownHash, type World } from "./changes-helpers";

let db: Db;
let w: World;
let sam: Actor;

beforeAll(async () => {
  db = await useTestDatabase();
  useTestIdp();
  w = await changeWorld();
  await createRoleMapping(cliActor(), { value: "ot-safety-gcr", siteCode: "PLA", role: "safety" });
  const u = IDP_USERS["sam.safety"]!;
  await createUser(cliActor(), { email: u.email, name: u.name, password: PASSWORD });
  const claims = await idpSignIn("sam.safety");
  const session = await signInWithOidc(
    { issuer: claims.iss, claims, autoProvision: false },
    { ip: "203.0.113.5", userAgent: null },
  );
  sam = (await actorFromSession(session.sessionId, "203.0.113.5"))!;
}, 180_000);

async function waitingForSafety() {
  const c = await createChange(w.people.requester.actor, draft(w, [w.assets.sis.id]));
  return submitChange(w.people.requester.actor, c.id);
}

async function intent(changeId: string) {
  return {
    role: "safety" as const,
    decision: "approve" as const,
    comment: "Trip logic reviewed.",
    contentHash: await shownHash(sam, changeId),
  };
}

/** Starts the signature, signs in at the provider as `who`, and hands the provider's answer back. */
async function roundTrip(changeId: string, who: Parameters<typeof loginAtIdp>[1], authAge = 0) {
  const { url } = await beginSsoSignature(sam, changeId, await intent(changeId));
  expect(new URL(url).searchParams.get("prompt")).toBe("login");
  expect(new URL(url).searchParams.get("max_age")).toBe("0");
  const back = await loginAtIdp(url, who, { authAge });
  expect(back.pathname).toBe("/api/sso/reauth/callback");
  const params = Object.fromEntries(back.searchParams);
  return { params, outcome: await completeSsoSignature(sam, params) };
}

const signoffsOf = (changeId: string) => db.select().from(signoffs).where(eq(signoffs.changeId, changeId));
const refusals = (changeId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "signoff.reauth_refused"), eq(auditEvents.objectId, changeId)));

describe("electronic signatures by single sign-on users", () => {
  it("an SSO session cannot sign with a password", async () => {
    const c = await waitingForSafety();
    const e = await errorOf(sign(sam, c.id, "safety", { password: "anything" }));
    expect(e.code).toBe("forbidden");
    expect(e.message).toMatch(/identity provider/);
  });

  it("refuses an authentication at the provider older than two minutes, keeping what was entered", async () => {
    const c = await waitingForSafety();
    const { outcome } = await roundTrip(c.id, "sam.safety", 10 * 60);
    expect(outcome).toMatchObject({ signed: false, changeId: c.id });
    expect(outcome.signed ? "" : outcome.message).toMatch(/did not ask for your password just now/);
    expect(await signoffsOf(c.id)).toHaveLength(0);
    expect((await refusals(c.id))[0]?.reason).toMatch(/re-authentication stale/);
    const resume = await getReauthResume(sam, c.id, outcome.requestId ?? undefined);
    expect(resume?.input).toMatchObject({
      role: "safety",
      decision: "approve",
      comment: "Trip logic reviewed.",
    });
    expect(resume?.message).toMatch(/just now/);
    // Nobody else sees it.
    expect(await getReauthResume(w.people.safetyA.actor, c.id, outcome.requestId ?? undefined)).toBeNull();
  });

  it("refuses a fresh login at the provider as someone else", async () => {
    const c = await waitingForSafety();
    const { outcome } = await roundTrip(c.id, "olga.ops");
    expect(outcome.signed).toBe(false);
    expect(outcome.signed ? "" : outcome.message).toMatch(/as someone else/);
    expect(await signoffsOf(c.id)).toHaveLength(0);
    expect((await refusals(c.id))[0]?.reason).toMatch(/other_subject/);
  });

  it("records the sign-off with the method oidc-reauth after a fresh login as the signer; the answer is used once", async () => {
    const c = await waitingForSafety();
    const { params, outcome } = await roundTrip(c.id, "sam.safety");
    expect(outcome).toMatchObject({ signed: true, changeId: c.id });
    const [row] = await signoffsOf(c.id);
    expect(row).toMatchObject({
      role: "safety",
      decision: "approve",
      signerName: "Sam Safety",
      signerEmail: "sam.safety@corp.test",
      method: "oidc-reauth",
      comment: "Trip logic reviewed.",
      meaning: "Approved as safety authority",
    });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "signoff.sign"), eq(auditEvents.objectId, c.id)));
    expect(event!.after).toMatchObject({ method: "oidc-reauth", signerName: "Sam Safety" });

    const replay = await completeSsoSignature(sam, params);
    expect(replay.signed).toBe(false);
    expect(replay.signed ? "" : replay.message).toMatch(/expired or was already used/);
    expect(await signoffsOf(c.id)).toHaveLength(1);
  });

  it("refuses to start for someone not signed in with single sign-on, and checks the sign-off before the trip", async () => {
    const c = await waitingForSafety();
    const password = w.people.safetyA.actor;
    expect((await errorOf(beginSsoSignature(password, c.id, await intent(c.id)))).code).toBe("forbidden");
    const bad = await errorOf(
      beginSsoSignature(sam, c.id, { ...(await intent(c.id)), decision: "reject", comment: "" }),
    );
    expect(bad.code).toBe("invalid");
    const wrongRole = await errorOf(
      beginSsoSignature(sam, c.id, { ...(await intent(c.id)), role: "security" }),
    );
    expect(wrongRole.code).toBe("forbidden");
  });

  it("an SSO account without an Interlock password is told through the API to sign in the portal, not 'wrong password'", async () => {
    await createRoleMapping(cliActor(), { value: "ot-security-rhp", siteCode: "PLA", role: "security" });
    const claims = await idpSignIn("nina.new");
    const session = await signInWithOidc(
      { issuer: claims.iss, claims, autoProvision: true },
      { ip: "203.0.113.6", userAgent: null },
    );
    const nina = (await actorFromSession(session.sessionId, "203.0.113.6"))!;
    const { token } = await createToken(nina, { name: "ci", scopes: ["sign"] });
    expect((await actorFromToken(token, null))?.authMethod).not.toBe("oidc");
    const c = await waitingForSafety();
    const res = await call(signoffsRoute.POST as never, {
      method: "POST",
      path: `/api/v1/changes/${c.id}/signoffs`,
      params: { id: c.id },
      token,
      body: JSON.stringify({
        role: "security",
        decision: "approve",
        password: "a guess",
        contentHash: await shownHash(nina, c.id),
      }),
    });
    const problem = await expectProblem(res, 403);
    expect(problem.detail).toMatch(/single sign-on and has no Interlock password/);
    expect(problem.detail).toMatch(/identity provider/);
    expect(problem.detail).not.toMatch(/wrong password|not correct/i);
    expect(await signoffsOf(c.id)).toHaveLength(0);
    // No password attempt was spent: nothing counts toward the lockout.
    const [row] = await db.select().from(users).where(eq(users.id, nina.userId!));
    expect(row!.failedLoginCount).toBe(0);
    const failed = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.login_failed"), eq(auditEvents.objectId, nina.userId!)));
    expect(failed).toHaveLength(0);
  });
});
