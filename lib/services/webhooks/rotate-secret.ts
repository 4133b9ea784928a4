import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { rotateWebhookSecretSchema, type RotateWebhookSecretInput } from "@/lib/schemas/notifications";
import { requireAdmin, requireScope } from "@/lib/services/authorize";
import { parseInput } from "@/lib/services/base/parse-input";
import type { WebhookView } from "@/lib/types/notifications";
import { loadEndpoint, webhookView } from "./internal/endpoint";

/** Replaces the signing secret; deliveries from now on (retries included) are signed with the new one. */
export async function rotateWebhookSecret(
  actor: Actor,
  id: string,
  input: RotateWebhookSecretInput,
  now = new Date(),
): Promise<WebhookView> {
  requireAdmin(actor, "webhook.manage");
  requireScope(actor, "write");
  const { secret } = parseInput(rotateWebhookSecretSchema, input, "The secret");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { e, siteCode } = await loadEndpoint(tx, id, { forUpdate: true });
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret, secretRotatedAt: now })
      .where(eq(webhookEndpoints.id, e.id))
      .returning();
    await appendAudit(tx, actor, {
      action: "webhook.rotate_secret",
      objectType: "webhook",
      objectId: e.id,
      siteId: e.siteId,
      before: { secretRotatedAt: e.secretRotatedAt?.toISOString() ?? null },
      after: { secretRotatedAt: now.toISOString(), url: e.url },
    });
    return webhookView(row!, siteCode);
  });
}
