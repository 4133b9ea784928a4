import { apiRoute, json, readJson } from "@/lib/http/api";
import type { CreateWebhookInput } from "@/lib/schemas/notifications";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";

export const GET = apiRoute(async ({ actor }) => ({ items: await listWebhooks(actor), nextCursor: null }));

export const POST = apiRoute(async ({ req, actor }) =>
  json(await createWebhook(actor, (await readJson(req)) as CreateWebhookInput), 201),
);
