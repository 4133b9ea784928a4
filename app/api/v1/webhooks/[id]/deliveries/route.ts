import { apiRoute } from "@/lib/http/api";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  items: await listDeliveries(actor, params.id),
  nextCursor: null,
}));
