import { apiRoute, searchParams } from "@/lib/http/api";
import { changeHistory } from "@/lib/services/changes/list-history";
import type { Params } from "../../_http";

export const GET = apiRoute<Params>(async ({ req, actor, params }) =>
  changeHistory(actor, params.id, searchParams(req)),
);
