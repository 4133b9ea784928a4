import { apiRoute, searchParams } from "@/lib/http/api";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { clientOf, type Params } from "../../_http";

/** `{allowed, reasons, evaluatedAt}` now or at `?at=` (a dry run; recorded in the audit trail). */
export const GET = apiRoute<Params>(async ({ req, actor, params }) =>
  evaluateGateFor(actor, params.id, searchParams(req).at, clientOf(req)),
);
