import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import type { DeliveryView } from "@/lib/types/notifications";
import { loadEndpoint } from "./internal/endpoint";

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
