import { apiRoute } from "@/lib/http/api";
import { getAdvisory } from "@/lib/services/advisories/get";
import { advisoryResource } from "@/lib/services/advisories/resource";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  advisoryResource(await getAdvisory(actor, params.id)),
);
