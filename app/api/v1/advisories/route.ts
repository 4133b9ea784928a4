import { apiRoute, searchParams } from "@/lib/http/api";
import { listAdvisories } from "@/lib/services/advisories/list";
import { advisorySummaryResource } from "@/lib/services/advisories/resource";

/** `?site=&vendor=&status=&due=overdue|next30&kev=yes&sort=priority|imported|released|due` */
export const GET = apiRoute(async ({ req, actor }) => {
  const items = await listAdvisories(actor, searchParams(req));
  return { items: items.map(advisorySummaryResource), nextCursor: null };
});
