import { apiRoute, readJson } from "@/lib/http/api";
import type { RotateWebhookSecretInput } from "@/lib/schemas/notifications";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-secret";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  rotateWebhookSecret(actor, params.id, (await readJson(req)) as RotateWebhookSecretInput),
);
