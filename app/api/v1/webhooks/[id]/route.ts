import { apiRoute } from "@/lib/http/api";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteWebhook(actor, params.id);
  return new Response(null, { status: 204 });
});
