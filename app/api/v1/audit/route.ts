import { apiRoute, searchParams } from "@/lib/http/api";
import { listAuditEvents } from "@/lib/services/audit";

export const GET = apiRoute(async ({ req, actor }) => listAuditEvents(actor, searchParams(req)));
