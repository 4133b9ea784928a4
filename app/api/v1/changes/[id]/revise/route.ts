import { apiRoute, json } from "@/lib/http/api";
import type { TransitionReasonInput } from "@/lib/schemas/changes";
import { reviseChange } from "@/lib/services/changes/revise";
import { optionalJson, type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

export const POST = apiRoute<Params>(async ({ req, actor, params }) => {
  const change = await reviseChange(actor, params.id, (await optionalJson(req)) as TransitionReasonInput);
  return json(change, 200, { etag: etag(change.version) });
});
