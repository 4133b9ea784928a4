import { sha256 } from "@/lib/auth/secrets";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { actorFromSession } from "@/lib/auth/resolve";
import { signIn } from "@/lib/services/auth/sign-in";
import { PASSWORD } from "../fixtures";
import type { Db } from "@/db/client";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { POST as readRoute } from "@/app/api/v1/notifications/[id]/read/route";
import { GET as prefsGet, PUT as prefsPut } from "@/app/api/v1/notifications/preferences/route";
import { GET as hooksGet, POST as hooksPost } from "@/app/api/v1/webhooks/route";
import { GET as mailGet } from "@/app/api/v1/mail/route";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import { createToken } from "@/lib/services/tokens/create-token";
import { useTestDatabase } from "../db";
import { call, expectJson, expectProblem, type Handler } from "./api-helpers";
import { changeWorld, draft, type World } from "./changes-helpers";
import { drainJobs } from "./notify-helpers";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications/kinds";

let db: Db;
let w: World;
const tok: Record<string, string> = {};
beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  for (const k of ["opsA", "securityA", "admin", "requester"] as const)
    tok[k] = (await createToken(w.people[k].actor, { name: "t", days: 1, scopes: ["read", "write"] })).token;
  tok.opsRead = (await createToken(w.people.opsA.actor, { name: "r", days: 1, scopes: ["read"] })).token;
}, 180_000);

const h = (x: unknown) => x as Handler;

describe("the bell's background poll", () => {
  it("does not keep an idle session alive, while a real request does", async () => {
    const session = await signIn(
      { email: w.people.auditor.email, password: PASSWORD },
      { ip: "127.0.0.1", userAgent: "vitest" },
    );
    const id = sha256(session.sessionId);
    const back = new Date(Date.now() - 10 * 60_000);
    const seen = async () =>
      (await db.select().from(sessions).where(eq(sessions.id, id)))[0]!.lastSeenAt.getTime();
    await db.update(sessions).set({ lastSeenAt: back }).where(eq(sessions.id, id));
    expect(await actorFromSession(session.sessionId, "127.0.0.1", { touch: false })).not.toBeNull();
    expect(await seen()).toBe(back.getTime());
    expect(await actorFromSession(session.sessionId, "127.0.0.1")).not.toBeNull();
    expect(await seen()).toBeGreaterThan(back.getTime());
  });
});

describe("notifications API", () => {
  it("lists the caller's own notifications with the unread count, and marks one read", async () => {
    const c = await createChange(w.people.requester.actor, draft(w, [w.assets.plc.id]));
    await submitChange(w.people.requester.actor, c.id);
    await drainJobs(db);
    const res = await call(h(listRoute), { method: "GET", path: "/api/v1/notifications", token: tok.opsA });
    const body = (await expectJson(res)) as {
      items: Record<string, unknown>[];
      nextCursor: null;
      unread: number;
    };
    expect(body.unread).toBe(1);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      kind: "signoff_needed",
      objectType: "change",
      objectId: c.id,
      title: `${c.number} needs your sign-off`,
      readAt: null,
    });
    expect(Date.parse(body.items[0]!.createdAt as string)).not.toBeNaN();
    const id = body.items[0]!.id as string;

    // Someone else's notification does not exist for you.
    await expectProblem(
      await call(h(readRoute), {
        method: "POST",
        path: `/api/v1/notifications/${id}/read`,
        params: { id },
        token: tok.requester,
      }),
      404,
    );
    // Marking read is a write: a read-only token may not.
    await expectProblem(
      await call(h(readRoute), {
        method: "POST",
        path: `/api/v1/notifications/${id}/read`,
        params: { id },
        token: tok.opsRead,
      }),
      403,
    );
    const read = await expectJson(
      await call(h(readRoute), {
        method: "POST",
        path: `/api/v1/notifications/${id}/read`,
        params: { id },
        token: tok.opsA,
      }),
    );
    expect(read.readAt).toEqual(expect.any(String));
    const after = (await expectJson(
      await call(h(listRoute), { method: "GET", path: "/api/v1/notifications?unread=true", token: tok.opsA }),
    )) as { items: unknown[]; unread: number };
    expect(after).toMatchObject({ items: [], unread: 0 });
    await expectProblem(
      await call(h(listRoute), { method: "GET", path: "/api/v1/notifications?kind=nope", token: tok.opsA }),
      422,
    );
  });

  it("preferences: one entry per kind; a bad channel is a 422", async () => {
    const put = (body: unknown) =>
      call(h(prefsPut), {
        method: "PUT",
        path: "/api/v1/notifications/preferences",
        token: tok.securityA,
        body: JSON.stringify(body),
      });
    await expectProblem(await put({ kind: "signoff_needed", channel: "pigeon" }), 422);
    const ok = (await expectJson(await put({ kind: "signoff_needed", channel: "digest" }))) as {
      items: { kind: string; channel: string; isDefault: boolean }[];
    };
    expect(ok.items.find((p) => p.kind === "signoff_needed")).toMatchObject({
      channel: "digest",
      isDefault: false,
    });
    const got = (await expectJson(
      await call(h(prefsGet), {
        method: "GET",
        path: "/api/v1/notifications/preferences",
        token: tok.securityA,
      }),
    )) as { items: { kind: string }[] };
    // One entry per kind, each once (the kinds grow with the features that notify).
    expect(got.items.map((p) => p.kind).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it("webhooks and the mail log are for administrators; the secret never comes back", async () => {
    const body = JSON.stringify({
      siteCode: "PLA",
      url: "https://deploy.example.com/hook",
      events: ["change.started"],
      secret: "s".repeat(32),
    });
    await expectProblem(
      await call(h(hooksPost), { method: "POST", path: "/api/v1/webhooks", token: tok.opsA, body }),
      403,
    );
    const created = await call(h(hooksPost), {
      method: "POST",
      path: "/api/v1/webhooks",
      token: tok.admin,
      body,
    });
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).not.toContain("s".repeat(32));
    const list = (await expectJson(
      await call(h(hooksGet), { method: "GET", path: "/api/v1/webhooks", token: tok.admin }),
    )) as { items: { url: string }[] };
    expect(list.items.map((i) => i.url)).toContain("https://deploy.example.com/hook");
    await expectProblem(
      await call(h(hooksPost), {
        method: "POST",
        path: "/api/v1/webhooks",
        token: tok.admin,
        body: JSON.stringify({
          siteCode: "PLA",
          url: "javascript:alert(1)",
          events: ["change.started"],
          secret: "s".repeat(32),
        }),
      }),
      422,
    );
    await expectProblem(
      await call(h(mailGet), { method: "GET", path: "/api/v1/mail", token: tok.opsA }),
      403,
    );
    expect((await call(h(mailGet), { method: "GET", path: "/api/v1/mail", token: tok.admin })).status).toBe(
      200,
    );
  });
});
