import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites, webhookEndpoints } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { webhookUrlRefusal } from "@/lib/domain/notifications/webhook-signature";
import { createWebhookSchema, type CreateWebhookInput } from "@/lib/schemas/notifications";
import { requireAdmin, requireScope } from "@/lib/services/authorize";
import { invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { webhookAllowList } from "@/lib/services/notifications/deliver-webhook";
import type { WebhookView } from "@/lib/types/notifications";
import { webhookView } from "./internal/endpoint";

/** Registers an endpoint for a site (administrators, whether or not they hold a role there). */
export async function createWebhook(actor: Actor, input: CreateWebhookInput): Promise<WebhookView> {
  requireAdmin(actor, "webhook.manage");
  requireScope(actor, "write");
  const data = parseInput(createWebhookSchema, input, "The webhook");
  const refusal = webhookUrlRefusal(data.url, webhookAllowList());
  if (refusal) throw invalid(refusal, [{ path: "url", message: refusal }]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.code, data.siteCode));
    if (!site) throw notFound(`Site ${data.siteCode}`);
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        siteId: site.id,
        url: data.url,
        events: data.events,
        secret: data.secret,
        createdBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, actor, {
      action: "webhook.create",
      objectType: "webhook",
      objectId: row!.id,
      siteId: site.id,
      // Never the secret itself: the trail is exported and read by auditors.
      after: { url: data.url, events: data.events, siteCode: data.siteCode },
    });
    return webhookView(row!, data.siteCode);
  });
}
