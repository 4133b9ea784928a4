import { apiRoute, json } from "@/lib/http/api";
import { submitChange } from "@/lib/services/changes/submit";
import { etag, type Params } from "../../_http";

export const POST = apiRoute<Params>(async ({ actor, params }) => {
  const change = await submitChange(actor, params.id);
  return json(change, 200, { etag: etag(change) });
});
