import { apiRoute, json, readJson } from "@/lib/http/api";
import { recordMitigationPlan } from "@/lib/services/advisories/record-plan";
import type { MitigationPlanInput } from "@/lib/schemas/advisories";

/** Body `{siteCode, actions, targetDate, approverEmail}`. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const result = await recordMitigationPlan(actor, params.id, (await readJson(req)) as MitigationPlanInput);
  return json(result, 201);
});
