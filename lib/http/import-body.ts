import type { NextRequest } from "next/server";
import { parseBoolean } from "@/lib/schemas/assets";
import { ServiceError } from "@/lib/services/base/errors";
import { readJson, readText } from "./api";

export interface ImportBody {
  siteCode: string;
  /** Checked by the import's own schema. */
  csvText: unknown;
  dryRun: boolean;
}

/**
 * The body of a CSV import (assets, production runs): the file itself (text/csv) with ?site=CODE,
 * or JSON {siteCode, csv, dryRun?}; ?dryRun=true checks every row and writes nothing.
 */
export async function readImportBody(req: NextRequest): Promise<ImportBody> {
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
  } else if (type === "" || type.startsWith("text/csv") || type.startsWith("text/plain")) {
    csvText = await readText(req, " Split the file.");
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
  return { siteCode, csvText, dryRun };
}
