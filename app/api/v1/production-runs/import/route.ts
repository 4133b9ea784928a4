import { apiRoute, idempotencyOf, json } from "@/lib/http/api";
import { readImportBody } from "@/lib/http/import-body";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { importRunsCsv } from "@/lib/services/schedule/import-runs";

/**
 * Body: the CSV itself (text/csv) with ?site=CODE, or JSON {siteCode, csv, dryRun?} (lib/http/import-body).
 * Without a dry run, any bad row means nothing is written.
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const { siteCode, csvText, dryRun } = await readImportBody(req);
  const run = async () =>
    json(await importRunsCsv(actor, { siteCode, csvText: csvText as string, dryRun }), dryRun ? 200 : 201);
  return dryRun ? run() : runIdempotent(actor, idempotencyOf(req), run);
});
