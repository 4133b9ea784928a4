import "server-only";
import { eq } from "drizzle-orm";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { boardMeetings } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { meetingMinutesSchema, type MeetingMinutesInput } from "@/lib/schemas/board";
import { conflict, forbidden } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { BoardMeetingView } from "@/lib/types/board";
import { buildMeetingView, findMeeting, loadDecisions } from "./internal/load";
import { requireInSession } from "./internal/session";

/**
 * The chair records attendees and notes; with `close`, the minutes are final (attendees,
 * decisions, notes) and the meeting takes no more decisions. Each save is an audit event.
 */
export async function saveMinutes(
  actor: Actor,
  meetingId: string,
  input: MeetingMinutesInput,
): Promise<BoardMeetingView> {
  const data = parseInput(meetingMinutesSchema, input, "The minutes");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, actor, meetingId, { forUpdate: true });
    if (meeting.chairId !== actor.userId)
      throw forbidden("Only the chair of this meeting writes its minutes; ask the chair.");
    if (meeting.closedAt) throw conflict("The minutes of this meeting are already closed.");
    if (data.close) await requireInSession(tx, meeting, "the minutes can be closed");
    const now = currentTime();
    const [row] = await tx
      .update(boardMeetings)
      .set({ attendees: data.attendees, notes: data.notes, closedAt: data.close ? now : null })
      .where(eq(boardMeetings.id, meeting.id))
      .returning();
    const decisions = await loadDecisions(tx, meeting.id);
    await appendAudit(tx, actor, {
      action: "board.minutes",
      objectType: "board_meeting",
      objectId: meeting.id,
      siteId: meeting.siteId,
      after: {
        title: meeting.title,
        attendees: data.attendees,
        notes: data.notes,
        closed: data.close,
        decisions: decisions.map((d) => ({ number: d.number, decision: d.decision, reason: d.reason })),
      },
      reason: data.close ? "Minutes closed" : null,
    });
    return buildMeetingView(tx, actor, row!);
  });
}
