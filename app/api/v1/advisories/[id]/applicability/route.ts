import { apiRoute, json, readJson } from "@/lib/http/api";
import { decideApplicability } from "@/lib/services/advisories/decide-applicability";
import type { DecideApplicabilityInput } from "@/lib/schemas/advisories";

/** Body `{siteCode, applicable, reason}`: the CIP-007 R2 applicability decision at one site. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const result = await decideApplicability(
    actor,
    params.id,
    (await readJson(req)) as DecideApplicabilityInput,
  );
  return json(result, 201);
});
