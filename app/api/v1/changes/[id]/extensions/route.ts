import { apiRoute, json, readJson } from "@/lib/http/api";
import { etag } from "@/lib/http/if-match";
import type { ExtendTemporaryInput } from "@/lib/schemas/changes";
import { requestExtension } from "@/lib/services/changes/request-extension";
import { type Params } from "../../_http";

/** Asks for a later expiry of a temporary change in place; answers the change with the extension pending. */
export const POST = apiRoute<Params>(async ({ req, actor, params }) => {
  const change = await requestExtension(actor, params.id, (await readJson(req)) as ExtendTemporaryInput);
  return json(change, 201, { etag: etag(change.version) });
});
