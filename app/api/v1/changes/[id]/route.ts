import { apiRoute, json, readJson } from "@/lib/http/api";
import type { UpdateChangeInput } from "@/lib/schemas/changes";
import { getChange } from "@/lib/services/changes/get";
import { updateChange } from "@/lib/services/changes/update";
import { etag, ifMatchVersion, type Params } from "../_http";

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const change = await getChange(actor, params.id);
  return json(change, 200, { etag: etag(change) });
});

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const expected = ifMatchVersion(req);
  if (expected instanceof Response) return expected;
  const change = await updateChange(actor, params.id, (await readJson(req)) as UpdateChangeInput, expected);
  return json(change, 200, { etag: etag(change) });
});
