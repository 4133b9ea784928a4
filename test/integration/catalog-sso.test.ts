import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, signoffs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSession, cliActor } from "@/lib/auth/resolve";
import { getModel } from "@/lib/services/catalog/get-model";
import { proposeModel } from "@/lib/services/catalog/propose-model";
import { signModel } from "@/lib/services/catalog/sign-model";
import { beginSsoModelSignature } from "@/lib/services/sso/begin-sso-model-signature";
import { completeSsoSignature } from "@/lib/services/sso/complete-sso-signature";
import { createRoleMapping } from "@/lib/services/sso/create-mapping";
import { getReauthResume } from "@/lib/services/sso/get-reauth-resume";
import { signInWithOidc } from "@/lib/services/sso/sign-in-oidc";
import { useTestDatabase } from "../db";
import { loginAtIdp, idpSignIn, useTestIdp } from "../idp/drive";
import { MODEL_CONTENT, catalogPeople } from "./catalog-helpers";
import { changeWorld, errorOf } from "./changes-helpers";

// The change board's signature on a catalog model by a single sign-on member: the same
// re-authentication at the identity provider as a change sign-off (fresh login, own subject).
let db: Db;
let olga: Actor;
let people: Awaited<ReturnType<typeof catalogPeople>>;

beforeAll(async () => {
  db = await useTestDatabase();
  useTestIdp();
  await changeWorld();
  people = await catalogPeople("PLA");
  await createRoleMapping(cliActor(), { value: "ot-ops-gcr", siteCode: "PLA", role: "change_manager" });
  const claims = await idpSignIn("olga.ops");
  const session = await signInWithOidc(
    { issuer: claims.iss, claims, autoProvision: true },
    { ip: "203.0.113.7", userAgent: null },
  );
  olga = (await actorFromSession(session.sessionId, "203.0.113.7"))!;
}, 180_000);

async function proposed() {
  const m = await proposeModel(people.proposer.actor, { siteCode: "PLA", ...MODEL_CONTENT });
  return { id: m.id, hash: m.versions[0]!.contentHash };
}

async function roundTrip(modelId: string, hash: string, who: Parameters<typeof loginAtIdp>[1], authAge = 0) {
  const { url } = await beginSsoModelSignature(olga, modelId, {
    decision: "approve",
    comment: "Reviewed at the board.",
    contentHash: hash,
  });
  expect(new URL(url).searchParams.get("prompt")).toBe("login");
  const back = await loginAtIdp(url, who, { authAge });
  return completeSsoSignature(olga, Object.fromEntries(back.searchParams));
}

const signoffsOf = async (modelId: string) => {
  const view = await getModel(people.board.actor, modelId);
  return db.select().from(signoffs).where(eq(signoffs.modelVersionId, view.versions[0]!.id));
};

describe("a single sign-on board member signs a catalog model", () => {
  it("cannot sign with a password, and is checked before the trip to the provider", async () => {
    const m = await proposed();
    const e = await errorOf(
      signModel(olga, m.id, { decision: "approve", password: "anything", contentHash: m.hash }),
    );
    expect(e.code).toBe("forbidden");
    expect(e.message).toMatch(/identity provider/);
    // A stale hash, a rejection without a reason and a password signer are refused before it.
    expect(
      (
        await errorOf(
          beginSsoModelSignature(olga, m.id, { decision: "approve", contentHash: "a".repeat(64) }),
        )
      ).code,
    ).toBe("conflict");
    expect(
      (
        await errorOf(
          beginSsoModelSignature(olga, m.id, { decision: "reject", comment: "", contentHash: m.hash }),
        )
      ).code,
    ).toBe("invalid");
    expect(
      (
        await errorOf(
          beginSsoModelSignature(people.board.actor, m.id, { decision: "approve", contentHash: m.hash }),
        )
      ).code,
    ).toBe("forbidden");
  });

  it("refuses a stale login at the provider, keeping what was entered for the model page", async () => {
    const m = await proposed();
    const outcome = await roundTrip(m.id, m.hash, "olga.ops", 10 * 60);
    expect(outcome).toMatchObject({ signed: false, modelId: m.id, changeId: null });
    expect(await signoffsOf(m.id)).toHaveLength(0);
    const [refused] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "standard_model.reauth_refused"), eq(auditEvents.objectId, m.id)));
    expect(refused?.reason).toMatch(/re-authentication stale/);
    const resume = await getReauthResume(olga, m.id, outcome.requestId ?? undefined);
    expect(resume?.input).toMatchObject({ decision: "approve", comment: "Reviewed at the board." });
    expect(resume?.message).toMatch(/just now/);
  });

  it("approves the version after a fresh login as the signer, recorded with the method oidc-reauth", async () => {
    const m = await proposed();
    const outcome = await roundTrip(m.id, m.hash, "olga.ops");
    expect(outcome).toMatchObject({ signed: true, modelId: m.id });
    expect(await signoffsOf(m.id)).toEqual([
      expect.objectContaining({
        decision: "approve",
        signerName: "Olga Operations",
        method: "oidc-reauth",
        contentHash: m.hash,
        comment: "Reviewed at the board.",
      }),
    ]);
    expect(await getModel(olga, m.id)).toMatchObject({ status: "usable", approvedVersion: 1 });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "standard_model.sign"), eq(auditEvents.objectId, m.id)));
    expect(event!.after).toMatchObject({ method: "oidc-reauth", signerName: "Olga Operations" });
  });
});
