import { apiRoute, json } from "@/lib/http/api";
import type { TransitionReasonInput } from "@/lib/schemas/changes";
import { cancelChange } from "@/lib/services/changes/cancel";
import { optionalJson, type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

export const POST = apiRoute<Params>(async ({ req, actor, params }) => {
  const change = await cancelChange(actor, params.id, (await optionalJson(req)) as TransitionReasonInput);
  return json(change, 200, { etag: etag(change.version) });
});
