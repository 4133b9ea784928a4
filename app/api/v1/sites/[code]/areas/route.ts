import { apiRoute, json, readJson } from "@/lib/http/api";
import type { CreateAreaInput } from "@/lib/schemas/sites";
import { createArea } from "@/lib/services/sites/create-area";

export const POST = apiRoute<{ code: string }>(async ({ req, actor, params }) => {
  const area = await createArea(actor, params.code, (await readJson(req)) as CreateAreaInput);
  return json({ code: area.code, name: area.name }, 201);
});
