import { apiRoute, json, readJson } from "@/lib/http/api";
import { getAsset } from "@/lib/services/assets/get";
import { etag, ifMatchVersion } from "@/lib/http/if-match";
import { assetResource } from "@/lib/services/assets/resource";
import { updateAsset } from "@/lib/services/assets/update";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const asset = await getAsset(actor, params.id);
  return json(assetResource(asset), 200, { etag: etag(asset.rowVersion) });
});

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const expected = ifMatchVersion(req.headers.get("if-match"), "asset's rowVersion");
  const asset = await updateAsset(actor, params.id, await readJson(req), expected);
  return json(assetResource(asset), 200, { etag: etag(asset.rowVersion) });
});
