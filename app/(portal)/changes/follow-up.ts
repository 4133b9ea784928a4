import "server-only";
import type { ChangeFormValues } from "@/components/changes/form/form-types";
import type { PickedAsset } from "@/components/changes/picked-asset";
import type { Actor } from "@/lib/auth/actor";
import { followUpRefusal } from "@/lib/domain/changes";
import { isServiceError } from "@/lib/services/base/errors";
import { getChange } from "@/lib/services/changes/get";
import type { ChangeLinkView } from "@/lib/types/changes";
import { editableFromView } from "./editable";

export type FollowUpStart =
  | {
      ok: true;
      follows: ChangeLinkView;
      outcomeNotes: string | null;
      values: ChangeFormValues;
      assets: PickedAsset[];
    }
  | { ok: false; message: string };

/**
 * The new-change form's start for a follow-up of a failed or rolled-back change: its content and
 * assets copied, the slot, expiry and implementer left for the new plan, and the change named. The
 * service checks the same rule again when the draft is saved.
 */
export async function followUpStart(actor: Actor, id: string): Promise<FollowUpStart> {
  const change = await getChange(actor, id).catch((e: unknown) => {
    if (isServiceError(e) && (e.code === "not_found" || e.code === "invalid")) return null;
    throw e;
  });
  if (!change) return { ok: false, message: "The change to follow up was not found." };
  const refusal = followUpRefusal(change.state);
  if (refusal) return { ok: false, message: `${change.number} cannot be followed up. ${refusal}` };
  const { values, assets } = await editableFromView(actor, change);
  return {
    ok: true,
    follows: { id: change.id, number: change.number, title: change.title, state: change.state },
    outcomeNotes: change.outcomeNotes,
    assets,
    values: {
      ...values,
      plannedStart: null,
      plannedEnd: null,
      temporaryUntil: null,
      implementerEmail: null,
      followsChangeId: change.id,
    },
  };
}
