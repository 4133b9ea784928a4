import { apiRoute, searchParams } from "@/lib/http/api";
import { listGateChecks } from "@/lib/services/gate-checks/list-gate-checks";

export const GET = apiRoute(async ({ req, actor }) => listGateChecks(actor, searchParams(req)));
