import { apiRoute, json } from "@/lib/http/api";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json(await redeliverWebhook(actor, params.id), 202),
);
