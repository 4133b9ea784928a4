"use server";
import type { ActionResult } from "@/components/changes/action-result";
import type { EditableChange, SaveResult } from "@/components/changes/form/form-types";
import type { PickedAsset } from "@/components/changes/picked-asset";
import { requireActor } from "@/lib/auth/session";
import type { CreateChangeInput, UpdateChangeInput } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { searchPickerAssets } from "@/lib/services/changes/ui-asset-picker";
import { updateChange } from "@/lib/services/changes/update";
import { actionFailure } from "./action-error";
import { editableFromView } from "./editable";

export async function searchAssetsAction(q: string): Promise<ActionResult<PickedAsset[]>> {
  const actor = await requireActor();
  try {
    return { ok: true, data: await searchPickerAssets(actor, String(q ?? ""), 20) };
  } catch (e) {
    return actionFailure(e);
  }
}

export async function createChangeAction(values: CreateChangeInput): Promise<SaveResult> {
  const actor = await requireActor();
  try {
    const c = await createChange(actor, values);
    return { ok: true, data: { id: c.id, number: c.number, version: c.version } };
  } catch (e) {
    return actionFailure(e);
  }
}

/** Sends only the fields the user touched, so an untouched field can never supersede a sign-off. */
export async function updateChangeAction(id: string, values: CreateChangeInput, changed: string[], expectedVersion: number | null): Promise<SaveResult> {
  const actor = await requireActor();
  try {
    const patch: Record<string, unknown> = {};
    const source = values as Record<string, unknown>;
    for (const key of changed) if (key in source) patch[key] = source[key];
    const c = await updateChange(actor, id, patch as UpdateChangeInput, expectedVersion ?? 0);
    return { ok: true, data: { id: c.id, number: c.number, version: c.version } };
  } catch (e) {
    return actionFailure(e);
  }
}

export async function loadForEditAction(id: string): Promise<EditableChange | null> {
  const actor = await requireActor();
  try {
    return await editableFromView(actor, await getChange(actor, id));
  } catch {
    return null;
  }
}
