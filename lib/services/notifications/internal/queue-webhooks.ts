import "server-only";
import { and, arrayContains, eq, inArray } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { sites, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { enqueue } from "@/lib/jobs/queue";
import type { WebhookEvent } from "@/lib/domain/notifications/webhook-events";
import type { ChangeContext } from "@/lib/services/changes/internal/load";
import type { ChangeEvent, ChangeEventPayload } from "../enqueue-change-event";

export const WEBHOOK_JOB = "webhook.deliver";

const WEBHOOK_OF: Partial<Record<ChangeEvent, WebhookEvent>> = {
  "change.approve": "change.approved",
  "change.start": "change.started",
  "change.complete": "change.completed",
  "change.cancel": "change.cancelled",
  "gate.refused": "gate.refused",
  "signoff.supersede": "signoff.superseded",
};

async function siteCodes(ex: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await ex
    .select({ code: sites.code })
    .from(sites)
    .where(inArray(sites.id, [...ids]));
  return rows.map((r) => r.code).sort();
}

/** Queues a delivery for one endpoint: the body is fixed now, the signature is made at each try. */
export async function queueDelivery(
  tx: Tx,
  endpointId: string,
  event: { id: string; type: string; body: string },
  now: Date,
): Promise<string | null> {
  const [d] = await tx
    .insert(webhookDeliveries)
    .values({ endpointId, eventId: event.id, eventType: event.type, body: event.body, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  if (!d) return null;
  await enqueue(tx, {
    kind: WEBHOOK_JOB,
    payload: { deliveryId: d.id },
    idempotencyKey: `webhook:${d.id}:0`,
    runAt: now,
  });
  return d.id;
}

/** One delivery per active endpoint at the change's sites that subscribed to the event. */
export async function queueWebhooks(
  tx: Tx,
  p: ChangeEventPayload,
  ctx: ChangeContext,
  now: Date,
): Promise<number> {
  const type = WEBHOOK_OF[p.event];
  if (!type || p.change.siteIds.length === 0) return 0;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        inArray(webhookEndpoints.siteId, p.change.siteIds),
        eq(webhookEndpoints.active, true),
        arrayContains(webhookEndpoints.events, [type]),
      ),
    );
  if (endpoints.length === 0) return 0;
  const { siteIds, ...change } = p.change;
  const body = JSON.stringify({
    id: p.eventId,
    type,
    occurredAt: p.occurredAt,
    data: {
      change: {
        id: p.changeId,
        ...change,
        siteCodes: await siteCodes(tx, siteIds),
        assetIds: ctx.assets.map((a) => a.id),
      },
      ...(type === "gate.refused" ? { reasons: p.details?.reasons ?? [] } : {}),
      ...(type === "signoff.superseded" ? { signoffs: p.details?.signoffs ?? [] } : {}),
      ...(type === "change.completed" ? { outcome: p.details?.outcome ?? null } : {}),
    },
  });
  let n = 0;
  for (const e of endpoints) if (await queueDelivery(tx, e.id, { id: p.eventId, type, body }, now)) n++;
  return n;
}
