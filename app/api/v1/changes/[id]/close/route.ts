import { apiRoute, json, readJson } from "@/lib/http/api";
import type { CloseChangeInput } from "@/lib/schemas/changes";
import { closeChange } from "@/lib/services/changes/close";
import { type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

export const POST = apiRoute<Params>(async ({ req, actor, params }) => {
  const change = await closeChange(actor, params.id, (await readJson(req)) as CloseChangeInput);
  return json(change, 200, { etag: etag(change.version) });
});
