import { apiRoute, searchParams } from "@/lib/http/api";
import { listMail } from "@/lib/services/notifications/list-mail";

export const GET = apiRoute(async ({ req, actor }) => listMail(actor, searchParams(req)));
