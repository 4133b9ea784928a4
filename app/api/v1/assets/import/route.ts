import type { NextRequest } from "next/server";
import { apiRoute, idempotencyOf, json, MAX_BODY_BYTES, readJson } from "@/lib/http/api";
import { runIdempotent } from "@/lib/services/idempotency/run-idempotent";
import { parseBoolean } from "@/lib/schemas/assets";
import { importAssetsCsv } from "@/lib/services/assets/import";
import { ServiceError } from "@/lib/services/base/errors";

async function readCsv(req: NextRequest): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  const tooBig = () =>
    new ServiceError(
      "payload_too_large",
      `The request body is larger than ${MAX_BODY_BYTES} bytes; split the file.`,
    );
  if (declared > MAX_BODY_BYTES) throw tooBig();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooBig();
  return text;
}

/**
 * Body: the CSV itself (text/csv), with ?site=CODE; or JSON {siteCode, csv, dryRun?}.
 * ?dryRun=true checks every row and writes nothing.
 */
export const POST = apiRoute(async ({ req, actor }) => {
  const q = req.nextUrl.searchParams;
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let siteCode = q.get("site") ?? "";
  let csvText: unknown;
  let dryRun = parseBoolean(q.get("dryRun") ?? "") ?? false;
  if (type.includes("json")) {
    const body = (await readJson(req)) as { siteCode?: unknown; csv?: unknown; dryRun?: unknown } | null;
    if (!body || typeof body !== "object")
      throw new ServiceError("bad_request", "Send a JSON object {siteCode, csv}.");
    if (typeof body.siteCode === "string") siteCode = body.siteCode;
    csvText = body.csv;
    if (typeof body.dryRun === "boolean") dryRun = body.dryRun;
  } else if (type.startsWith("text/csv") || type.startsWith("text/plain") || type === "") {
    csvText = await readCsv(req);
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
  const run = async () => {
    const result = await importAssetsCsv(actor, { siteCode, csvText, dryRun });
    return json(result, dryRun ? 200 : 201);
  };
  return dryRun ? run() : runIdempotent(actor, idempotencyOf(req), run);
});
