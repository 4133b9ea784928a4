import { clientIp } from "@/lib/http/client-ip";
import { apiRoute, json, readJson } from "@/lib/http/api";
import { extendMitigationPlan } from "@/lib/services/advisories/extend-plan";
import type { ExtendPlanInput } from "@/lib/schemas/advisories";

/** Body `{siteCode, targetDate, reason, password}`: a change manager's signed extension (a token needs the `sign` scope). */
export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const ext = await extendMitigationPlan(actor, params.id, (await readJson(req)) as ExtendPlanInput, {
      ip: clientIp(req.headers),
    });
    return json(ext, 201);
  },
  { endpoint: "sign" },
);
