import { apiRoute, readJson } from "@/lib/http/api";
import type { RetireModelInput } from "@/lib/schemas/catalog";
import { retireModel } from "@/lib/services/catalog/retire-model";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ req, actor, params }) =>
  retireModel(actor, params.id, (await readJson(req)) as RetireModelInput),
);
