import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, webhookEndpoints } from "@/db/schema";
import { notFound } from "@/lib/services/base/errors";
import { UUID_RE } from "@/lib/services/base/match";
import type { WebhookView } from "@/lib/types/notifications";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export async function loadEndpoint(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!UUID_RE.test(id)) throw notFound("Webhook");
  const q = ex
    .select({ e: webhookEndpoints, siteCode: sites.code })
    .from(webhookEndpoints)
    .innerJoin(sites, eq(sites.id, webhookEndpoints.siteId))
    .where(eq(webhookEndpoints.id, id));
  const [row] = opts.forUpdate ? await q.for("update", { of: webhookEndpoints }) : await q;
  if (!row) throw notFound("Webhook");
  return row;
}

export function webhookView(e: EndpointRow, siteCode: string): WebhookView {
  return {
    id: e.id,
    siteCode,
    url: e.url,
    events: e.events,
    active: e.active,
    createdAt: e.createdAt.toISOString(),
    secretRotatedAt: e.secretRotatedAt?.toISOString() ?? null,
  };
}
