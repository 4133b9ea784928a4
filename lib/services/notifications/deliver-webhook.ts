import "server-only";
import { eq } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import {
  SIGNATURE_HEADER,
  signWebhook,
  webhookUrlRefusal,
} from "@/lib/domain/notifications/webhook-signature";
import { PermanentJobError, type JobHandler } from "@/lib/jobs/worker";

const TIMEOUT_MS = 10_000;

/** INTERLOCK_WEBHOOK_ALLOW: comma-separated hosts webhooks may go to; unset admits any http(s) host. */
export function webhookAllowList(): string[] {
  return (process.env.INTERLOCK_WEBHOOK_ALLOW ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * POSTs one delivery, signed afresh at each try (receivers reject an old t). Only a 2xx counts;
 * redirects are not followed (a 3xx is a failure), and a timeout, a 5xx or a dropped
 * connection fails the job, which the queue retries with back-off until it dead-letters.
 */
export const deliverWebhook: JobHandler = async (job, { db }) => {
  const id = String(job.payload.deliveryId);
  const [row] = await db
    .select({ d: webhookDeliveries, e: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  if (!row || row.d.state === "delivered") return;
  const record = async (set: Partial<typeof webhookDeliveries.$inferInsert>) => {
    await db
      .update(webhookDeliveries)
      .set({ attempts: row.d.attempts + 1, lastAttemptAt: new Date(), ...set })
      .where(eq(webhookDeliveries.id, id));
  };
  const refusal = !row.e.active
    ? "The endpoint is disabled."
    : webhookUrlRefusal(row.e.url, webhookAllowList());
  if (refusal) {
    await record({ state: "dead", lastError: refusal, lastStatus: null });
    throw new PermanentJobError(refusal);
  }
  const last = job.attempts >= job.maxAttempts;
  let status: number | null = null;
  try {
    const res = await fetch(row.e.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Interlock-Webhook/1",
        "x-interlock-event": row.d.eventType,
        "x-interlock-delivery": row.d.id,
        [SIGNATURE_HEADER]: signWebhook(row.e.secret, row.d.body, new Date()),
      },
      body: row.d.body,
    });
    status = res.status;
    await res.body?.cancel().catch(() => {});
    if (status < 200 || status >= 300) throw new Error(`The endpoint answered HTTP ${status}`);
  } catch (e) {
    const error =
      e instanceof Error
        ? e.name === "TimeoutError"
          ? "The endpoint did not answer within 10 s"
          : e.message
        : String(e);
    await record({ state: last ? "dead" : "pending", lastStatus: status, lastError: error.slice(0, 1000) });
    throw new Error(error);
  }
  await record({ state: "delivered", lastStatus: status, lastError: null, deliveredAt: new Date() });
};
