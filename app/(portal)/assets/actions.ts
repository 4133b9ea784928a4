"use server";
import { formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import { requireActor } from "@/lib/auth/session";
import { createAsset } from "@/lib/services/assets/create";
import { importAssetsCsv, type ImportResult } from "@/lib/services/assets/import";
import { updateAsset } from "@/lib/services/assets/update";

export async function createAssetAction(values: unknown): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  try {
    const asset = await createAsset(actor, values);
    return { ok: true, data: { id: asset.id } };
  } catch (e) {
    return formFailure(e, "assets");
  }
}

export async function updateAssetAction(
  id: string,
  rowVersion: number,
  values: unknown,
): Promise<FormResult<{ id: string; rowVersion: number }>> {
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
    return formFailure(e, "assets");
  }
}

export async function importAssetsAction(
  siteCode: string,
  csvText: string,
  dryRun: boolean,
): Promise<FormResult<ImportResult>> {
  const actor = await requireActor();
  try {
    return { ok: true, data: await importAssetsCsv(actor, { siteCode, csvText, dryRun: dryRun === true }) };
  } catch (e) {
    return formFailure(e, "assets");
  }
}
