import { beforeAll, describe, expect, it } from "vitest";
import * as approvals from "@/app/api/v1/approvals/route";
import * as cancel from "@/app/api/v1/changes/[id]/cancel/route";
import * as closeRoute from "@/app/api/v1/changes/[id]/close/route";
import * as complete from "@/app/api/v1/changes/[id]/complete/route";
import * as gate from "@/app/api/v1/changes/[id]/gate/route";
import * as gateChecks from "@/app/api/v1/audit/gate-checks/route";
import * as history from "@/app/api/v1/changes/[id]/history/route";
import * as one from "@/app/api/v1/changes/[id]/route";
import * as signoffs from "@/app/api/v1/changes/[id]/signoffs/route";
import * as start from "@/app/api/v1/changes/[id]/start/route";
import * as submit from "@/app/api/v1/changes/[id]/submit/route";
import * as collection from "@/app/api/v1/changes/route";
import type { Actor } from "@/lib/auth/actor";
import { changeListItemResponse, changeResponse } from "@/lib/openapi/paths/changes";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { PASSWORD } from "../fixtures";
import { MALFORMED_BODIES, WRONG_SHAPES, call, expectJson, expectProblem, type Handler } from "./api-helpers";
import { CHECKED_IMAGE, HOUR, changeWorld, draft, type World } from "./changes-helpers";

let w: World;
const tokens: Record<string, string> = {};
const tokenFor = async (actor: Actor) =>
  (await createToken(actor, { name: "test", days: 1, scopes: ["read", "write", "sign"] })).token;

beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
  for (const key of ["requester", "implementer", "opsA", "securityA", "auditor"] as const)
    tokens[key] = await tokenFor(w.people[key].actor);
}, 180_000);

const h = (fn: unknown) => fn as Handler;
const body = (v: unknown) => JSON.stringify(v);
const path = (id: string, rest = "") => `/api/v1/changes/${id}${rest}`;

async function created(overrides: Parameters<typeof draft>[2] = {}) {
  const res = await call(h(collection.POST), {
    method: "POST",
    path: "/api/v1/changes",
    token: tokens.requester,
    body: body(draft(w, [w.assets.plc.id], overrides)),
  });
  expect(res.status).toBe(201);
  return (await expectJson(res)) as { id: string; version: number; number: string; state: string };
}

describe("change REST API", () => {
  it("creates idempotently, refuses malformed and wrong-shaped bodies plainly", async () => {
    const input = body(draft(w, [w.assets.plc2.id], { title: "Idempotent" }));
    const first = await call(h(collection.POST), {
      method: "POST",
      path: "/api/v1/changes",
      token: tokens.requester,
      body: input,
      headers: { "idempotency-key": "k-1" },
    });
    const again = await call(h(collection.POST), {
      method: "POST",
      path: "/api/v1/changes",
      token: tokens.requester,
      body: input,
      headers: { "idempotency-key": "k-1" },
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replay")).toBe("true");
    const [a, b] = [await expectJson(first), await expectJson(again)];
    expect(b.id).toBe(a.id);
    expect(first.headers.get("etag")).toBe('"1"');
    expect(first.headers.get("location")).toBe(`/api/v1/changes/${String(a.id)}`);

    for (const bad of MALFORMED_BODIES) {
      await expectProblem(
        await call(h(collection.POST), {
          method: "POST",
          path: "/api/v1/changes",
          token: tokens.requester,
          body: bad,
        }),
        400,
      );
    }
    for (const shape of WRONG_SHAPES) {
      await expectProblem(
        await call(h(collection.POST), {
          method: "POST",
          path: "/api/v1/changes",
          token: tokens.requester,
          body: body(shape),
        }),
        422,
      );
    }
    const p = await expectProblem(
      await call(h(collection.POST), {
        method: "POST",
        path: "/api/v1/changes",
        token: tokens.requester,
        body: body({ ...draft(w, [w.assets.plc.id]), references: ["CVE-2024-1"], title: "a\u0000b" }),
      }),
      422,
    );
    expect(p.errors?.map((e) => e.path).sort()).toEqual(["references.0", "title"]);
    await expectProblem(
      await call(h(one.GET), {
        method: "GET",
        path: path("nope"),
        params: { id: "nope" },
        token: tokens.requester,
      }),
      404,
    );
  });

  it("PATCH needs If-Match: 428 without it, 409 with the current version when stale", async () => {
    const c = await created();
    const patch = (headers: Record<string, string>, title: string) =>
      call(h(one.PATCH), {
        method: "PATCH",
        path: path(c.id),
        params: { id: c.id },
        token: tokens.requester,
        body: body({ title }),
        headers,
      });
    const missing = await expectProblem(await patch({}, "No precondition"), 428);
    expect(missing.detail).toMatch(/If-Match/);
    await expectProblem(await patch({ "if-match": "soon" }, "Bad precondition"), 400);
    const okRes = await patch({ "if-match": '"1"' }, "Fresh edit");
    expect(okRes.status).toBe(200);
    expect(okRes.headers.get("etag")).toBe('"2"');
    const stale = (await expectProblem(
      await patch({ "if-match": "1" }, "Stale edit"),
      409,
    )) as unknown as Record<string, unknown>;
    expect(stale).toMatchObject({ currentVersion: 2, updatedBy: w.people.requester.email });
    const now = await expectJson(
      await call(h(one.GET), {
        method: "GET",
        path: path(c.id),
        params: { id: c.id },
        token: tokens.requester,
      }),
    );
    expect(now).toMatchObject({ title: "Fresh edit", version: 2 });
  });

  it("runs a change through submit, signatures, the gate, start, complete and close", async () => {
    const c = await created();
    const post = (route: unknown, suffix: string, token: string, payload?: unknown) =>
      call(h(route), {
        method: "POST",
        path: path(c.id, suffix),
        params: { id: c.id },
        token,
        ...(payload === undefined ? {} : { body: body(payload) }),
      });
    const shown = await expectJson(await post(submit.POST, "/submit", tokens.requester!));
    expect(shown.state).toBe("submitted");
    const contentHash = shown.contentHash as string;

    const wrong = await expectProblem(
      await post(signoffs.POST, "/signoffs", tokens.opsA!, {
        role: "operations",
        decision: "approve",
        password: "nope",
        contentHash,
      }),
      422,
    );
    expect(wrong.errors).toEqual([{ path: "password", message: "Wrong password." }]);
    expect(
      (
        await post(signoffs.POST, "/signoffs", tokens.opsA!, {
          role: "operations",
          siteCode: "PLA",
          decision: "approve",
          password: PASSWORD,
          contentHash,
        })
      ).status,
    ).toBe(201);
    const approved = await expectJson(
      await post(signoffs.POST, "/signoffs", tokens.securityA!, {
        role: "security",
        decision: "approve",
        password: PASSWORD,
        contentHash,
      }),
    );
    expect(approved.state).toBe("approved");

    const early = new Date(Date.now() - 5 * HOUR).toISOString();
    const dry = await expectJson(
      await call(h(gate.GET), {
        method: "GET",
        path: path(c.id, `/gate?at=${encodeURIComponent(early)}`),
        params: { id: c.id },
        token: tokens.implementer,
      }),
    );
    expect(dry).toMatchObject({ allowed: false, reasons: [{ code: "outside_slot" }] });
    await expectProblem(
      await call(h(gate.GET), {
        method: "GET",
        path: path(c.id, "/gate?at=tomorrow"),
        params: { id: c.id },
        token: tokens.implementer,
      }),
      422,
    );

    const refused = await expectProblem(await post(start.POST, "/start", tokens.auditor!), 409);
    expect((refused as unknown as { reasons: { code: string }[] }).reasons.map((r) => r.code)).toEqual([
      "not_implementer",
    ]);
    expect((await expectJson(await post(start.POST, "/start", tokens.implementer!))).state).toBe(
      "in_progress",
    );
    await expectProblem(
      await post(complete.POST, "/complete", tokens.implementer!, { outcome: "failed" }),
      422,
    );
    // CIP-010 R1.6: a firmware update is reported successful only with a passing integrity check.
    const missing = await expectProblem(
      await post(complete.POST, "/complete", tokens.implementer!, { outcome: "success" }),
      422,
    );
    expect(missing.errors?.map((e) => e.path)).toEqual(["integrity"]);
    const mismatch = await expectProblem(
      await post(complete.POST, "/complete", tokens.implementer!, {
        outcome: "success",
        integrity: { ...CHECKED_IMAGE, publishedSha256: "0".repeat(64) },
      }),
      422,
    );
    expect(mismatch.detail).toMatch(/SHA-256 of fw-11\.3\.bin does not match the vendor's published value/);
    expect((mismatch as unknown as { reasons: { code: string }[] }).reasons.map((r) => r.code)).toEqual([
      "integrity_mismatch",
    ]);
    expect(
      (
        await expectJson(
          await post(complete.POST, "/complete", tokens.implementer!, {
            outcome: "success",
            notes: "Done",
            integrity: CHECKED_IMAGE,
          }),
        )
      ).state,
    ).toBe("implemented");
    const closed = await expectJson(
      await post(closeRoute.POST, "/close", tokens.implementer!, {
        securityControlsVerified: true,
        baselineUpdated: true,
        notes: "Verified",
      }),
    );
    expect(closed.state).toBe("closed");
    // What the API sends is what the document says a Change is: every field, nothing more. Closed,
    // it carries sign-offs, the outcome and the review, so the nullable fields are filled too.
    expect(changeResponse.parse(closed)).toEqual(closed);
    expect(Object.keys(closed).sort()).toEqual(Object.keys(changeResponse.shape).sort());

    const events = await expectJson(
      await call(h(history.GET), {
        method: "GET",
        path: path(c.id, "/history?limit=100"),
        params: { id: c.id },
        token: tokens.auditor,
      }),
    );
    const actions = (events.items as { action: string }[]).map((e) => e.action);
    // Two start attempts in the chain; the dry run is in the gate-check log, which auditors read.
    expect(actions.filter((a) => a === "gate.decision")).toHaveLength(2);
    const checks = await expectJson(
      await call(h(gateChecks.GET), {
        method: "GET",
        path: `/api/v1/audit/gate-checks?change=${c.number}`,
        token: tokens.auditor,
      }),
    );
    expect(checks.items).toEqual([
      expect.objectContaining({
        changeNumber: c.number,
        via: "token",
        askedFor: early,
        allowed: false,
        reasons: [expect.objectContaining({ code: "outside_slot" })],
        count: 1,
      }),
    ]);
    expect(actions.at(-1)).toBe("change.close");
    const list = await expectJson(
      await call(h(collection.GET), {
        method: "GET",
        path: "/api/v1/changes?state=closed&site=PLA",
        token: tokens.auditor,
      }),
    );
    expect((list.items as { id: string }[]).map((i) => i.id)).toContain(c.id);
    expect(list.nextCursor).toBeNull();
    const item = (list.items as { id: string }[]).find((i) => i.id === c.id)!;
    expect(changeListItemResponse.parse(item)).toEqual(item);
    expect(Object.keys(item).sort()).toEqual(Object.keys(changeListItemResponse.shape).sort());
  });

  it("lists the approvals inbox, and cancels with an empty body", async () => {
    const c = await created({ title: "Awaiting ops" });
    await call(h(submit.POST), {
      method: "POST",
      path: path(c.id, "/submit"),
      params: { id: c.id },
      token: tokens.requester,
    });
    const inbox = await expectJson(
      await call(h(approvals.GET), { method: "GET", path: "/api/v1/approvals", token: tokens.opsA }),
    );
    expect((inbox.items as { id: string }[]).map((i) => i.id)).toContain(c.id);
    expect(inbox.nextCursor).toBeNull();
    const res = await call(h(cancel.POST), {
      method: "POST",
      path: path(c.id, "/cancel"),
      params: { id: c.id },
      token: tokens.requester,
    });
    expect((await expectJson(res)).state).toBe("cancelled");
    await expectProblem(
      await call(h(cancel.POST), {
        method: "POST",
        path: path(c.id, "/cancel"),
        params: { id: c.id },
        token: tokens.requester,
      }),
      409,
    );
  });
});
