import { apiRoute, json } from "@/lib/http/api";
import { startChange } from "@/lib/services/changes/start";
import { clientOf, type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

/** 409 problem with `reasons: [{code, message}]` when the deployment gate refuses. */
export const POST = apiRoute<Params>(async ({ req, actor, params }) => {
  const change = await startChange(actor, params.id, clientOf(req));
  return json(change, 200, { etag: etag(change.version) });
});
