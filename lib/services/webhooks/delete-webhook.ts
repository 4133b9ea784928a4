import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin, requireScope } from "@/lib/services/authorize";
import { loadEndpoint } from "./internal/endpoint";

/** Switches an endpoint off (its delivery log stays); pending deliveries are then dead-lettered. */
export async function deleteWebhook(actor: Actor, id: string): Promise<void> {
  requireAdmin(actor, "webhook.manage");
  requireScope(actor, "write");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { e } = await loadEndpoint(tx, id, { forUpdate: true });
    if (!e.active) return;
    await tx.update(webhookEndpoints).set({ active: false }).where(eq(webhookEndpoints.id, e.id));
    await appendAudit(tx, actor, {
      action: "webhook.delete",
      objectType: "webhook",
      objectId: e.id,
      siteId: e.siteId,
      before: { active: true, url: e.url, events: e.events },
      after: { active: false },
    });
  });
}
