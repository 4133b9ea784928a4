import { apiRoute, json, readJson } from "@/lib/http/api";
import type { SignoffInput } from "@/lib/schemas/changes";
import { signChange } from "@/lib/services/changes/sign";
import { clientOf, type Params } from "../../_http";
import { etag } from "@/lib/http/if-match";

/**
 * The password in the body re-authenticates the signer; a wrong one counts toward lockout. Answers
 * the change. A token needs the `sign` scope here (not `write`).
 */
export const POST = apiRoute<Params>(
  async ({ req, actor, params }) => {
    const change = await signChange(actor, params.id, (await readJson(req)) as SignoffInput, clientOf(req));
    return json(change, 201, { etag: etag(change.version) });
  },
  { endpoint: "sign" },
);
