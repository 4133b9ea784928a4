import { apiRoute } from "@/lib/http/api";
import { siteJson } from "@/lib/services/sites/resource";
import { getSiteByCode } from "@/lib/services/sites/get-site";

export const GET = apiRoute<{ code: string }>(async ({ actor, params }) =>
  siteJson(await getSiteByCode(actor, params.code)),
);
