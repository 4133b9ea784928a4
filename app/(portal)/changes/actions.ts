"use server";
import { formFailure } from "@/lib/http/form-result";
import type { FormResult } from "@/lib/schemas/form-result";
import type { EditableChange, SaveResult } from "@/components/changes/form/form-types";
import type { SlotDraft, SlotFinding } from "@/components/changes/form/slot-assistant";
import type { PickedAsset } from "@/components/changes/picked-asset";
import { requireActor } from "@/lib/auth/session";
import type { CreateChangeInput, UpdateChangeInput } from "@/lib/schemas/changes";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { searchPickerAssets } from "@/lib/services/changes/search-picker-assets";
import { updateChange } from "@/lib/services/changes/update";
import { checkSlot } from "@/lib/services/schedule/check-slot";
import { proposeSlotsForChange } from "@/lib/services/schedule/propose-slots";
import { editableFromView } from "./editable";

export async function searchAssetsAction(q: string): Promise<FormResult<PickedAsset[]>> {
  const actor = await requireActor();
  try {
    return { ok: true, data: await searchPickerAssets(actor, String(q ?? ""), 20) };
  } catch (e) {
    return formFailure(e, "changes");
  }
}

export async function createChangeAction(values: CreateChangeInput): Promise<SaveResult> {
  const actor = await requireActor();
  try {
    const c = await createChange(actor, values);
    return { ok: true, data: { id: c.id, number: c.number, version: c.version } };
  } catch (e) {
    return formFailure(e, "changes");
  }
}

/** Sends only the fields the user touched, so an untouched field can never supersede a sign-off. */
export async function updateChangeAction(
  id: string,
  values: CreateChangeInput,
  changed: string[],
  expectedVersion: number | null,
): Promise<SaveResult> {
  const actor = await requireActor();
  try {
    const patch: Record<string, unknown> = {};
    const source = values as Record<string, unknown>;
    for (const key of changed) if (key in source) patch[key] = source[key];
    const c = await updateChange(actor, id, patch as UpdateChangeInput, expectedVersion ?? 0);
    return { ok: true, data: { id: c.id, number: c.number, version: c.version } };
  } catch (e) {
    return formFailure(e, "changes");
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

/** The chosen slot against windows, blackouts, production runs and other changes. */
export async function checkSlotAction(
  input: SlotDraft & { start: string; end: string },
): Promise<FormResult<{ conflicts: SlotFinding[]; blocking: boolean }>> {
  const actor = await requireActor();
  try {
    const { matchesSaved: _saved, ...slot } = input;
    const r = await checkSlot(actor, slot);
    return {
      ok: true,
      data: {
        conflicts: r.conflicts.map((c) => ({ code: c.code, message: c.message, blocking: c.blocking })),
        blocking: r.blocking,
      },
    };
  } catch (e) {
    return formFailure(e, "changes");
  }
}

/** Conflict-free slots for a draft (its assets and impact) of the given length. */
export async function proposeSlotsAction(
  input: SlotDraft & { durationMinutes: number },
): Promise<FormResult<{ slots: { start: string; end: string; localLabel: string }[] }>> {
  const actor = await requireActor();
  try {
    // Plan what is on screen: the saved change (which then never collides with itself) only
    // when its assets and impact are unchanged, else the unsaved draft.
    const { matchesSaved, changeId, ...draft } = input;
    const r = await proposeSlotsForChange(
      actor,
      matchesSaved && changeId
        ? { changeId, durationMinutes: draft.durationMinutes }
        : { ...draft, changeId: null },
    );
    return {
      ok: true,
      data: {
        slots: r.slots.map((s) => ({
          start: s.start.toISOString(),
          end: s.end.toISOString(),
          localLabel: s.localLabel,
        })),
      },
    };
  } catch (e) {
    return formFailure(e, "changes");
  }
}
