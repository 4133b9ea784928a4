import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { enqueue } from "@/lib/jobs/queue";
import { requireAdmin, requireScope } from "@/lib/services/authorize";
import { conflict, notFound } from "@/lib/services/base/errors";
import { UUID_RE } from "@/lib/services/base/match";
import { WEBHOOK_JOB } from "@/lib/services/notifications/internal/queue-webhooks";
import { loadEndpoint } from "./internal/endpoint";

/** Sends a delivery again (the same event id and body, signed afresh), with a fresh set of attempts. */
export async function redeliverWebhook(
  actor: Actor,
  deliveryId: string,
  now = new Date(),
): Promise<{ deliveryId: string }> {
  requireAdmin(actor, "webhook.manage");
  requireScope(actor, "write");
  if (!UUID_RE.test(deliveryId)) throw notFound("Delivery");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId))
      .for("update");
    if (!d) throw notFound("Delivery");
    const { e } = await loadEndpoint(tx, d.endpointId);
    if (!e.active) throw conflict("The webhook is disabled; nothing can be delivered to it.");
    if (d.state === "pending") throw conflict("The delivery is still being attempted.");
    await tx.update(webhookDeliveries).set({ state: "pending" }).where(eq(webhookDeliveries.id, d.id));
    await enqueue(tx, {
      kind: WEBHOOK_JOB,
      payload: { deliveryId: d.id },
      idempotencyKey: `webhook:${d.id}:${now.getTime()}`,
      runAt: now,
    });
    return { deliveryId: d.id };
  });
}
