import { apiRoute, json, readJson } from "@/lib/http/api";
import type { CompleteChangeInput } from "@/lib/schemas/changes";
import { completeChange } from "@/lib/services/changes/complete";
import { type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

export const POST = apiRoute<Params>(async ({ req, actor, params }) => {
  const change = await completeChange(actor, params.id, (await readJson(req)) as CompleteChangeInput);
  return json(change, 200, { etag: etag(change.version) });
});
