import { apiRoute, searchParams } from "@/lib/http/api";
import { listNotifications } from "@/lib/services/notifications/list-notifications";

export const GET = apiRoute(async ({ req, actor }) => listNotifications(actor, searchParams(req)));
