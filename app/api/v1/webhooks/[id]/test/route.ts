import { apiRoute, json } from "@/lib/http/api";
import { sendTestWebhook } from "@/lib/services/webhooks/send-test";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json(await sendTestWebhook(actor, params.id), 202),
);
