import { apiRoute, idempotencyOf, json } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";
import { parseIntakeText, readIntakeBody } from "@/lib/services/advisories/intake-text";
import { advisoryImportResource } from "@/lib/services/advisories/resource";

/** Body: one CSAF 2.0 document. 201 when created or updated, 200 when that revision was already imported. */
export const POST = apiRoute(async ({ req, actor }) => {
  const doc = parseIntakeText(await readIntakeBody(req, "The advisory"), "The advisory");
  return runIdempotent(actor, idempotencyOf(req), async () => {
    const result = await importAdvisory(actor, doc);
    return json(advisoryImportResource(result), result.outcome === "unchanged" ? 200 : 201);
  });
});
