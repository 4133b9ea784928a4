"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { attempt } from "@/lib/http/form-result";
import type { BoardDecisionInput, MeetingMinutesInput, ScheduleMeetingInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";
import { recordDecision } from "@/lib/services/board/record-decision";
import { saveMinutes } from "@/lib/services/board/save-minutes";
import { scheduleMeeting } from "@/lib/services/board/schedule-meeting";

export async function scheduleMeetingAction(
  input: ScheduleMeetingInput,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "board",
    async () => ({ id: (await scheduleMeeting(actor, input))[0]!.id }),
    "Meeting scheduled.",
  );
  if (result.ok) revalidatePath("/board");
  return result;
}

export async function recordDecisionAction(id: string, input: BoardDecisionInput): Promise<FormResult<null>> {
  const actor = await requireActor();
  const result = await attempt(
    "board",
    async () => {
      await recordDecision(actor, id, input);
      return null;
    },
    "Decision recorded.",
  );
  if (result.ok) revalidatePath(`/board/${id}`);
  return result;
}

export async function saveMinutesAction(id: string, input: MeetingMinutesInput): Promise<FormResult<null>> {
  const actor = await requireActor();
  const result = await attempt(
    "board",
    async () => {
      await saveMinutes(actor, id, input);
      return null;
    },
    input.close ? "Minutes closed." : "Minutes saved.",
  );
  if (result.ok) revalidatePath(`/board/${id}`);
  return result;
}
