import { apiRoute, json, readJson, searchParams } from "@/lib/http/api";
import type { ProposeModelInput } from "@/lib/schemas/catalog";
import { listModels } from "@/lib/services/catalog/list-models";
import { proposeModel } from "@/lib/services/catalog/propose-model";

export const GET = apiRoute(async ({ req, actor }) => listModels(actor, searchParams(req)));

/** Proposes a model (version 1, awaiting the change board). */
export const POST = apiRoute(async ({ req, actor }) => {
  const model = await proposeModel(actor, (await readJson(req)) as ProposeModelInput);
  return json(model, 201, { location: `/api/v1/standard-models/${model.id}` });
});
