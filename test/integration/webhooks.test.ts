import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, webhookDeliveries } from "@/db/schema";
import { verifyWebhook } from "@/lib/domain/notifications/webhook-signature";
import { createChange } from "@/lib/services/changes/create";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-secret";
import { sendTestWebhook } from "@/lib/services/webhooks/send-test";
import { useTestDatabase } from "../db";
import { changeWorld, codeOf, draft, errorOf, sign, type World } from "./changes-helpers";
import { drainJobs } from "./notify-helpers";

const SECRET = "a-very-long-shared-secret-0123456789";
let db: Db;
let w: World;
/** A real receiver: answers with the next queued status (200 once they run out) and keeps what it got. */
const received: { body: string; signature: string | undefined; valid: boolean; status: number }[] = [];
let answers: number[] = [];
let secret = SECRET;
let server: http.Server;
let url = "";

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const signature = req.headers["x-interlock-signature"] as string | undefined;
      const status = answers.shift() ?? 200;
      received.push({ body, signature, valid: verifyWebhook(signature, body, secret, new Date()), status });
      if (status === 302) res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" });
      else res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/interlock`;
}, 180_000);
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Runs the queue at `ms` past now, as the poller would later on. */
const later = (ms: number) => drainJobs(db, new Date(Date.now() + ms));

describe("webhooks", () => {
  it("only administrators register endpoints; bad URLs are refused with a reason", async () => {
    const input = { siteCode: "PLA", url, events: ["gate.refused" as const], secret: SECRET };
    expect(await codeOf(createWebhook(w.people.boardA.actor, input))).toBe("forbidden");
    const ftp = await errorOf(createWebhook(w.people.admin.actor, { ...input, url: "ftp://example.com/x" }));
    expect(ftp.code).toBe("invalid");
    expect(ftp.message).toMatch(/http and https/);
    process.env.INTERLOCK_WEBHOOK_ALLOW = "hooks.example.com";
    const off = await errorOf(createWebhook(w.people.admin.actor, input));
    expect(off.message).toMatch(/allow-list/);
    delete process.env.INTERLOCK_WEBHOOK_ALLOW;
    expect(await codeOf(createWebhook(w.people.admin.actor, { ...input, secret: "short" }))).toBe("invalid");
  });

  it("a refused start is POSTed signed; after two 500s the third try succeeds; every step is logged", async () => {
    const hook = await createWebhook(w.people.admin.actor, {
      siteCode: "PLA",
      url,
      events: ["gate.refused", "change.approved", "change.started"],
      secret: SECRET,
    });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.objectId, hook.id));
    expect(audit.map((a) => a.action)).toEqual(["webhook.create"]);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(SECRET);

    const { requester, implementer } = w.people;
    const c = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
    await submitChange(requester.actor, c.id);
    expect(await codeOf(startChange(implementer.actor, c.id))).toBe("gate_refused");
    answers = [500, 500];
    received.length = 0;
    await drainJobs(db);
    expect(received.map((r) => r.status)).toEqual([500]);
    await later(20_000);
    expect(received.map((r) => r.status)).toEqual([500, 500]);
    let [d] = await listDeliveries(w.people.admin.actor, hook.id);
    expect(d).toMatchObject({ state: "pending", attempts: 2, lastStatus: 500, eventType: "gate.refused" });
    await later(60_000);
    expect(received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(received.every((r) => r.valid)).toBe(true);
    [d] = await listDeliveries(w.people.admin.actor, hook.id);
    expect(d).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200, lastError: null });

    const body = JSON.parse(received[2]!.body);
    expect(body).toMatchObject({
      type: "gate.refused",
      data: { change: { id: c.id, number: c.number, siteCodes: ["PLA"] } },
    });
    expect(body.id).toBe(d!.eventId);
    expect(Date.parse(body.occurredAt)).not.toBeNaN();
    expect(body.data.reasons.map((r: { code: string }) => r.code)).toContain("not_approved");
    // Every try carried the same body, each signed afresh.
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(received[0]!.signature, received[0]!.body, "wrong secret", new Date())).toBe(false);
    expect(
      verifyWebhook(received[0]!.signature, received[0]!.body, SECRET, new Date(Date.now() + 6 * 60_000)),
    ).toBe(false);

    // Approval fires change.approved; the other subscribed events too.
    received.length = 0;
    await sign(w.people.opsA.actor, c.id, "operations");
    await sign(w.people.securityA.actor, c.id, "security");
    await drainJobs(db);
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(["change.approved"]);
  });

  it("redirects are not followed; a dead delivery can be redelivered; the secret can be rotated", async () => {
    const hook = await createWebhook(w.people.admin.actor, {
      siteCode: "PLB",
      url,
      events: ["change.approved"],
      secret: SECRET,
    });
    received.length = 0;
    answers = [302];
    const { deliveryId } = await sendTestWebhook(w.people.admin.actor, hook.id);
    await drainJobs(db);
    expect(received).toHaveLength(1);
    let [d] = await listDeliveries(w.people.admin.actor, hook.id);
    expect(d).toMatchObject({ id: deliveryId, state: "pending", lastStatus: 302, eventType: "ping" });
    expect(d!.lastError).toMatch(/302/);
    // Exhaust the attempts: dead-lettered, visible with its error.
    answers = Array(10).fill(500);
    for (let i = 1; i <= 8; i++) await later(i * 3_700_000);
    [d] = await listDeliveries(w.people.admin.actor, hook.id);
    expect(d).toMatchObject({ state: "dead", attempts: 8, lastStatus: 500 });

    answers = [];
    secret = "the-rotated-secret-abcdefghijklmnop";
    await rotateWebhookSecret(w.people.admin.actor, hook.id, { secret });
    received.length = 0;
    await redeliverWebhook(w.people.admin.actor, deliveryId);
    expect(await codeOf(redeliverWebhook(w.people.admin.actor, deliveryId))).toBe("conflict");
    await later(9 * 3_700_000);
    expect(received).toHaveLength(1);
    expect(received[0]!.valid).toBe(true);
    const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(row!.state).toBe("delivered");
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.objectId, hook.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["webhook.create", "webhook.rotate_secret"]);
  });
});
