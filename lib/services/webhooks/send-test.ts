import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin, requireScope } from "@/lib/services/authorize";
import { conflict } from "@/lib/services/base/errors";
import { queueDelivery } from "@/lib/services/notifications/internal/queue-webhooks";
import { loadEndpoint } from "./internal/endpoint";

/** Queues a signed "ping" to the endpoint, delivered and logged like any event. */
export async function sendTestWebhook(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<{ deliveryId: string }> {
  requireAdmin(actor, "webhook.manage");
  requireScope(actor, "write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { e, siteCode } = await loadEndpoint(tx, id);
    if (!e.active) throw conflict("The webhook is disabled.");
    const eventId = crypto.randomUUID();
    const body = JSON.stringify({
      id: eventId,
      type: "ping",
      occurredAt: now.toISOString(),
      data: { webhook: { id: e.id, siteCode, events: e.events }, sentBy: actor.email },
    });
    const deliveryId = await queueDelivery(tx, e.id, { id: eventId, type: "ping", body }, now);
    return { deliveryId: deliveryId! };
  });
}
