import { apiRoute, json, readJson } from "@/lib/http/api";
import { getAsset } from "@/lib/services/assets/get";
import { assetResource, etagOf } from "@/lib/services/assets/resource";
import { updateAsset } from "@/lib/services/assets/update";
import { ServiceError } from "@/lib/services/base/errors";

type Params = { id: string };

/** If-Match carries the rowVersion: `"3"`, `W/"3"` or `3`; `*` matches any version. */
function expectedVersion(header: string | null): number | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new ServiceError(
      "bad_request",
      'If-Match must be the asset\'s rowVersion, for example If-Match: "3".',
    );
  return Number(m[1]);
}

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const asset = await getAsset(actor, params.id);
  return json(assetResource(asset), 200, { etag: etagOf(asset) });
});

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const expected = expectedVersion(req.headers.get("if-match"));
  const asset = await updateAsset(actor, params.id, await readJson(req), expected);
  return json(assetResource(asset), 200, { etag: etagOf(asset) });
});
