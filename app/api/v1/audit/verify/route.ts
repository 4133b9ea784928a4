import { apiRoute, searchParams } from "@/lib/http/api";
import { verifyAudit } from "@/lib/services/audit/verify-audit";

export const GET = apiRoute(async ({ req, actor }) => verifyAudit(actor, searchParams(req)));
