import { apiRoute, searchParams } from "@/lib/http/api";
import { getCompliance } from "@/lib/services/compliance/get-compliance";

/** Compliance figures for `?site=&from=&to=`; 422 for a malformed or reversed period, 404 for an unknown site. */
export const GET = apiRoute(async ({ req, actor }) => getCompliance(actor, searchParams(req)));
