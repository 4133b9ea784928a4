import { apiRoute, readJson } from "@/lib/http/api";
import type { ReviseModelInput } from "@/lib/schemas/catalog";
import { getModel } from "@/lib/services/catalog/get-model";
import { reviseModel } from "@/lib/services/catalog/revise-model";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getModel(actor, params.id));

/** An edit: the whole new content becomes a new version awaiting the change board. */
export const PATCH = apiRoute<Params>(async ({ req, actor, params }) =>
  reviseModel(actor, params.id, (await readJson(req)) as ReviseModelInput),
);
