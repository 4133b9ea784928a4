import { apiRoute } from "@/lib/http/api";
import { verifyAudit } from "@/lib/services/audit/verify-audit";

export const GET = apiRoute(async ({ actor }) => verifyAudit(actor));
