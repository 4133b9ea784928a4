import { apiRoute, json } from "@/lib/http/api";
import { submitChange } from "@/lib/services/changes/submit";
import { type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

export const POST = apiRoute<Params>(async ({ actor, params }) => {
  const change = await submitChange(actor, params.id);
  return json(change, 200, { etag: etag(change.version) });
});
