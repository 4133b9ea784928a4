import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import type { DeliveryView, WebhookView } from "@/lib/types/notifications";
import { loadEndpoint, webhookView } from "./internal/endpoint";

export async function listWebhooks(actor: Actor): Promise<WebhookView[]> {
  requireAdmin(actor, "webhook.manage");
  const db = await getDb();
  const rows = await db
    .select({ e: webhookEndpoints, siteCode: sites.code })
    .from(webhookEndpoints)
    .innerJoin(sites, eq(sites.id, webhookEndpoints.siteId))
    .orderBy(sites.code, desc(webhookEndpoints.createdAt));
  return rows.map((r) => webhookView(r.e, r.siteCode));
}

/** The delivery log of one endpoint, newest first (status, attempts, last error). */
export async function listDeliveries(actor: Actor, endpointId: string, limit = 100): Promise<DeliveryView[]> {
  requireAdmin(actor, "webhook.manage");
  const db = await getDb();
  await loadEndpoint(db, endpointId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(Math.min(Math.max(limit, 1), 500));
  return rows.map((d) => ({
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    state: d.state,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  }));
}
