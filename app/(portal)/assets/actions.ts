"use server";
import type { AssetActionResult } from "@/components/assets/action-result";
import { requireActor } from "@/lib/auth/session";
import { createAsset } from "@/lib/services/assets/create";
import type { CsvCellError } from "@/lib/csv/read";
import { importAssetsCsv, type ImportResult } from "@/lib/services/assets/import";
import { updateAsset } from "@/lib/services/assets/update";
import { isServiceError } from "@/lib/services/base/errors";

type Failure = Extract<AssetActionResult<never>, { ok: false }>;

/** A thrown error as a form can show it; unexpected errors are logged and never shown raw. */
function failure(e: unknown): Failure {
  if (isServiceError(e)) {
    const out: Failure = { ok: false, message: e.message };
    if (e.details.errors?.length) {
      out.fieldErrors = {};
      for (const x of e.details.errors) out.fieldErrors[x.path] ??= x.message;
    }
    if (e.code === "conflict" && typeof e.details.currentRowVersion === "number") out.stale = true;
    if (Array.isArray(e.details.rowErrors)) out.rowErrors = e.details.rowErrors as CsvCellError[];
    return out;
  }
  console.error("[assets] unexpected error in a server action", e);
  return {
    ok: false,
    message:
      "Something went wrong on the server; nothing was saved. Try again, and tell your administrator if it persists.",
  };
}

export async function createAssetAction(values: unknown): Promise<AssetActionResult<{ id: string }>> {
  const actor = await requireActor();
  try {
    const asset = await createAsset(actor, values);
    return { ok: true, data: { id: asset.id } };
  } catch (e) {
    return failure(e);
  }
}

export async function updateAssetAction(
  id: string,
  rowVersion: number,
  values: unknown,
): Promise<AssetActionResult<{ id: string; rowVersion: number }>> {
  const actor = await requireActor();
  try {
    const asset = await updateAsset(
      actor,
      String(id),
      values,
      Number.isInteger(rowVersion) ? rowVersion : undefined,
    );
    return { ok: true, data: { id: asset.id, rowVersion: asset.rowVersion } };
  } catch (e) {
    return failure(e);
  }
}

export async function importAssetsAction(
  siteCode: string,
  csvText: string,
  dryRun: boolean,
): Promise<AssetActionResult<ImportResult>> {
  const actor = await requireActor();
  try {
    return { ok: true, data: await importAssetsCsv(actor, { siteCode, csvText, dryRun: dryRun === true }) };
  } catch (e) {
    return failure(e);
  }
}
