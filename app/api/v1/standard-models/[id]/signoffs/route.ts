import { apiRoute, json, readJson } from "@/lib/http/api";
import type { ModelSignoffInput } from "@/lib/schemas/catalog";
import { signModel } from "@/lib/services/catalog/sign-model";
import { clientOf } from "../../../changes/_http";

type Params = { id: string };

/** The change board's e-signature on the version awaiting it; a token needs the `sign` scope. */
export const POST = apiRoute<Params>(
  async ({ req, actor, params }) =>
    json(await signModel(actor, params.id, (await readJson(req)) as ModelSignoffInput, clientOf(req)), 201),
  { endpoint: "sign" },
);
