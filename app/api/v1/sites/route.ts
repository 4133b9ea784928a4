import { apiRoute, json, readJson, searchParams } from "@/lib/http/api";
import { siteJson } from "@/lib/services/sites/resource";
import type { CreateSiteInput } from "@/lib/schemas/sites";
import { createSite } from "@/lib/services/sites/create-site";
import { listSitesPage } from "@/lib/services/sites/list-page";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listSitesPage(actor, searchParams(req));
  return { items: page.items.map(siteJson), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, actor }) => {
  const site = await createSite(actor, (await readJson(req)) as CreateSiteInput);
  return json(siteJson(site), 201, { location: `/api/v1/sites/${encodeURIComponent(site.code)}` });
});
