// Issue 8 item 1: a sign-off approves the content its signer was shown, and the gate itself
// checks each recorded hash against the content it was required for.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as signoffsRoute from "@/app/api/v1/changes/[id]/signoffs/route";
import type { Db } from "@/db/client";
import { auditEvents, changes, signoffs, users } from "@/db/schema";
import { contentHash, scopeHash } from "@/lib/domain/changes";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { submitChange } from "@/lib/services/changes/submit";
import type { ChangeView } from "@/lib/types/changes";
import { updateChange } from "@/lib/services/changes/update";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { PASSWORD } from "../fixtures";
import { call, expectProblem, type Handler } from "./api-helpers";
import { changeWorld, draft, errorOf, shownHash, sign, type World } from "./changes-helpers";

let db: Db;
let w: World;
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
}, 180_000);

async function submitted(overrides: Parameters<typeof draft>[2] = {}) {
  const c = await createChange(w.people.requester.actor, draft(w, [w.assets.plc.id], overrides));
  return submitChange(w.people.requester.actor, c.id);
}

const rowsOf = (changeId: string) => db.select().from(signoffs).where(eq(signoffs.changeId, changeId));

describe("a sign-off over content edited since it was shown", () => {
  it("is refused with 409 stale content naming who edited and when; nothing is recorded", async () => {
    const { requester, securityA } = w.people;
    const c = await submitted();
    const seen = await shownHash(securityA.actor, c.id);
    // The requester adds a bypass to the plan while the approver has the change open.
    await updateChange(
      requester.actor,
      c.id,
      { implementationPlan: "Bypass the SIS trip, then flash." },
      (await getChange(requester.actor, c.id)).version,
    );

    const e = await errorOf(sign(securityA.actor, c.id, "security", { contentHash: seen }));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/was edited since you opened it by Rita Requester at \d{4}-\d{2}-\d{2}T/);
    expect(e.message).toMatch(/nothing was signed/);
    expect(e.details).toMatchObject({
      type: expect.stringMatching(/\/stale-content$/),
      updatedBy: requester.email,
      updatedByName: "Rita Requester",
    });
    expect(await rowsOf(c.id)).toHaveLength(0);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, c.id), eq(auditEvents.action, "signoff.sign")));
    expect(events).toHaveLength(0);
    // Refused before the password check: no attempt counted toward the lockout.
    const [u] = await db.select().from(users).where(eq(users.id, securityA.id));
    expect(u!.failedLoginCount).toBe(0);

    // Over the content as it is now, the same signature is recorded with both hashes.
    const now = await shownHash(securityA.actor, c.id);
    expect(now).not.toBe(seen);
    const signed = await sign(securityA.actor, c.id, "security", { contentHash: now });
    expect(signed.signoffs[0]).toMatchObject({ role: "security", contentHash: now });
    const [row] = await rowsOf(c.id);
    expect(row).toMatchObject({ contentHash: now, hashVersion: 2 });
    expect(row!.scopeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("through the API: 409 problem+json of type stale-content, 422 without contentHash", async () => {
    const { requester, securityA } = w.people;
    const token = (await createToken(securityA.actor, { name: "signing", days: 1, scopes: ["read", "sign"] }))
      .token;
    const c = await submitted();
    const seen = c.contentHash;
    const post = (payload: Record<string, unknown>) =>
      call(signoffsRoute.POST as unknown as Handler, {
        method: "POST",
        path: `/api/v1/changes/${c.id}/signoffs`,
        params: { id: c.id },
        token,
        body: JSON.stringify({ role: "security", decision: "approve", password: PASSWORD, ...payload }),
      });

    const missing = await expectProblem(await post({}), 422);
    expect(missing.errors).toEqual([{ path: "contentHash", message: expect.stringMatching(/contentHash/) }]);

    await updateChange(requester.actor, c.id, { title: "Update controller firmware (revised)" }, c.version);
    const stale = await expectProblem(await post({ contentHash: seen }), 409);
    expect(stale.type).toMatch(/\/stale-content$/);
    expect(stale.detail).toMatch(/edited since you opened it by Rita Requester/);
    expect(await rowsOf(c.id)).toHaveLength(0);

    const fresh = await getChange(securityA.actor, c.id);
    expect((await post({ contentHash: fresh.contentHash })).status).toBe(201);
  });
});

describe("test notes are approved content", () => {
  it("editing them after approval supersedes the sign-offs", async () => {
    const { requester, opsA, securityA } = w.people;
    const c = await submitted({ testNotes: "Bench test passed on the spare CPU." });
    await sign(opsA.actor, c.id, "operations");
    const approved = await sign(securityA.actor, c.id, "security");
    expect(approved.state).toBe("approved");
    const edited = await updateChange(
      requester.actor,
      c.id,
      { testNotes: "Bench test skipped." },
      approved.version,
    );
    expect(edited.state).toBe("submitted");
    expect(edited.signoffs.map((s) => s.superseded)).toEqual([true, true]);
    expect(edited.contentHash).not.toBe(approved.contentHash);
  });
});

describe("the gate verifies every recorded hash", () => {
  type Hashes = { contentHash: string; scopeHash: string | null; hashVersion: number };

  /** Approved with a security sign-off written directly, as a faulty or tampered write path would. */
  async function approvedWithRowWritten(hashesOf: (shown: ChangeView) => Hashes) {
    const { opsA, securityA } = w.people;
    const c = await submitted({ testNotes: "Passed the bench test." });
    await sign(opsA.actor, c.id, "operations");
    await db.insert(signoffs).values({
      changeId: c.id,
      round: c.approvalRound,
      role: "security",
      decision: "approve",
      signerId: securityA.id,
      signerName: securityA.name,
      signerEmail: securityA.email,
      meaning: "Approved as IT/OT security authority",
      signedAt: new Date(),
      ...hashesOf(c),
    });
    await db.update(changes).set({ state: "approved", approvedAt: new Date() }).where(eq(changes.id, c.id));
    return c;
  }
  const gateOf = (id: string) => evaluateGateFor(w.people.implementer.actor, id);

  it("refuses a sign-off row whose hash does not match the content", async () => {
    const c = await approvedWithRowWritten(() => ({
      contentHash: "0".repeat(64),
      scopeHash: "0".repeat(64),
      hashVersion: 2,
    }));
    const gate = await gateOf(c.id);
    expect(gate.allowed).toBe(false);
    expect(gate.reasons).toEqual([
      expect.objectContaining({
        code: "signoff_content_mismatch",
        message: expect.stringMatching(
          /^Security sign-off by Sam Security does not cover the current content/,
        ),
      }),
    ]);
  });

  it("refuses a version-2 security row that carries the full hash where the scope hash belongs", async () => {
    const c = await approvedWithRowWritten((shown) => ({
      contentHash: contentHash(shown),
      scopeHash: contentHash(shown),
      hashVersion: 2,
    }));
    expect((await gateOf(c.id)).reasons.map((r) => r.code)).toEqual(["signoff_content_mismatch"]);
  });

  it("counts a correct row, and a row recorded before test notes joined the hash (version 1)", async () => {
    const current = await approvedWithRowWritten((shown) => ({
      contentHash: contentHash(shown),
      scopeHash: scopeHash(shown),
      hashVersion: 2,
    }));
    expect(await gateOf(current.id)).toMatchObject({ allowed: true });
    const legacy = await approvedWithRowWritten((shown) => ({
      contentHash: contentHash(shown, 1),
      scopeHash: null,
      hashVersion: 1,
    }));
    expect(await gateOf(legacy.id)).toMatchObject({ allowed: true });
    // The same version-1 row no longer counts once the content it covered is edited.
    await db
      .update(changes)
      .set({ backoutPlan: "Something else entirely." })
      .where(eq(changes.id, legacy.id));
    expect((await gateOf(legacy.id)).reasons.map((r) => r.code)).toEqual([
      "signoff_content_mismatch",
      "signoff_content_mismatch",
    ]);
  });
});
