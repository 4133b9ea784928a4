import { apiRoute, json } from "@/lib/http/api";
import { importKevCatalog } from "@/lib/services/advisories/import-kev";
import { parseIntakeText, readIntakeBody } from "@/lib/services/advisories/intake-text";

/** Body: CISA's KEV catalog JSON. Same version again: 200 with changed false. */
export const POST = apiRoute(async ({ req, actor }) => {
  const catalog = parseIntakeText(await readIntakeBody(req, "The KEV catalog"), "The KEV catalog");
  const result = await importKevCatalog(actor, catalog);
  return json(result, result.changed ? 201 : 200);
});
