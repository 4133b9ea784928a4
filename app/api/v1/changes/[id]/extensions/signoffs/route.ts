import { apiRoute, json, readJson } from "@/lib/http/api";
import { etag } from "@/lib/http/if-match";
import type { ExtensionSignoffInput } from "@/lib/schemas/changes";
import { signExtension } from "@/lib/services/changes/sign-extension";
import { clientOf, type Params } from "../../../_http";

/** Signs the pending extension (password in the body, as for a change); a token needs the `sign` scope. */
export const POST = apiRoute<Params>(
  async ({ req, actor, params }) => {
    const change = await signExtension(
      actor,
      params.id,
      (await readJson(req)) as ExtensionSignoffInput,
      clientOf(req),
    );
    return json(change, 201, { etag: etag(change.version) });
  },
  { endpoint: "sign" },
);
