// A change whose implementation failed or was rolled back is followed by a new change that names it
// (PRODUCT.md "Change lifecycle"): the follow-up carries the lesson and the trail links the two.
import type { ChangeState } from "@/lib/domain/constants";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";

export const FOLLOWABLE_STATES: readonly ChangeState[] = ["failed", "rolled_back"];

/** Why a change in this state cannot be followed up, or null when it can. */
export function followUpRefusal(state: ChangeState): string | null {
  if (FOLLOWABLE_STATES.includes(state)) return null;
  return `A follow-up names a change that failed or was rolled back; its state is ${CHANGE_STATE_LABELS[state]}.`;
}
