import { apiRoute, json, readJson } from "@/lib/http/api";
import { decideMatch } from "@/lib/services/advisories/decide-match";
import type { DecideMatchInput } from "@/lib/schemas/advisories";

/** Body `{assetId, status: "affected"|"not_affected", reason}` for a match the rules left unknown. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const decision = await decideMatch(actor, params.id, (await readJson(req)) as DecideMatchInput);
  return json(decision, 201);
});
