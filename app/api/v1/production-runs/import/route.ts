import { apiRoute, idempotencyOf, json, MAX_BODY_BYTES, readJson } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { importRunsCsv } from "@/lib/services/schedule/import-runs";
import { ServiceError } from "@/lib/services/base/errors";

const truthy = (v: string | null) => v !== null && ["1", "true", "yes"].includes(v.trim().toLowerCase());

/**
 * Body: the CSV itself (text/csv) with ?site=CODE, or JSON {siteCode, csv, dryRun?}.
 * ?dryRun=true checks every row and writes nothing; otherwise any bad row means nothing is written.
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const q = req.nextUrl.searchParams;
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let siteCode = q.get("site") ?? "";
  let csvText: unknown;
  let dryRun = truthy(q.get("dryRun"));
  if (type.includes("json")) {
    const body = (await readJson(req)) as { siteCode?: unknown; csv?: unknown; dryRun?: unknown } | null;
    if (!body || typeof body !== "object")
      throw new ServiceError("bad_request", "Send a JSON object {siteCode, csv}.");
    if (typeof body.siteCode === "string") siteCode = body.siteCode;
    csvText = body.csv;
    if (typeof body.dryRun === "boolean") dryRun = body.dryRun;
  } else if (type === "" || type.startsWith("text/csv") || type.startsWith("text/plain")) {
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
      throw new ServiceError("payload_too_large", "The file is too large; split it.");
    csvText = await req.text();
  } else {
    throw new ServiceError(
      "bad_request",
      "Send the file as text/csv (with ?site=CODE) or JSON {siteCode, csv}.",
    );
  }
  if (!siteCode)
    throw new ServiceError("invalid", "Name the site: ?site=CODE or siteCode in the JSON body.", {
      errors: [{ path: "site", message: "Site is required." }],
    });
  const run = async () =>
    json(await importRunsCsv(actor, { siteCode, csvText: csvText as string, dryRun }), dryRun ? 200 : 201);
  return dryRun ? run() : runIdempotent(actor, idempotencyOf(req), run);
});
