import { apiRoute } from "@/lib/http/api";
import { markNotificationRead } from "@/lib/services/notifications/mark-read";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  markNotificationRead(actor, params.id),
);
