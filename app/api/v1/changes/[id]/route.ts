import { apiRoute, json, readJson } from "@/lib/http/api";
import type { UpdateChangeInput } from "@/lib/schemas/changes";
import { getChange } from "@/lib/services/changes/get";
import { updateChange } from "@/lib/services/changes/update";
import { type Params } from "../_http";
import { etag, ifMatchVersion } from "@/lib/http/if-match";

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const change = await getChange(actor, params.id);
  return json(change, 200, { etag: etag(change.version) });
});

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const expected = ifMatchVersion(req.headers.get("if-match"), "change's version", { required: true });
  const change = await updateChange(actor, params.id, (await readJson(req)) as UpdateChangeInput, expected);
  return json(change, 200, { etag: etag(change.version) });
});
