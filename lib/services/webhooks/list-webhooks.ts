import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites, webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/services/authorize";
import type { WebhookView } from "@/lib/types/notifications";
import { webhookView } from "./internal/endpoint";

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
