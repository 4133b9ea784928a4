import "server-only";
import { and, eq } from "drizzle-orm";
import { currentTime } from "@/lib/clock";
import { getDb, type Tx } from "@/db/client";
import { boardDecisions, boardMeetings, changes } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { formatInZone } from "@/lib/domain/site-time";
import { boardDecisionSchema, type BoardDecisionInput } from "@/lib/schemas/board";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { signChange } from "@/lib/services/changes/sign";
import type { BoardMeetingView } from "@/lib/types/board";
import type { ClientInfo } from "@/lib/types/changes";
import { buildMeetingView, findMeeting, loadAgenda, type MeetingRow } from "./internal/load";
import { requireInSession } from "./internal/session";

async function writeDecision(
  tx: Tx,
  actor: Actor,
  meeting: MeetingRow,
  change: { id: string; number: string },
  data: { decision: "approve" | "reject" | "defer"; reason: string; contentHash: string },
  signoffId: string | null,
) {
  const now = currentTime();
  const [locked] = await tx
    .select()
    .from(boardMeetings)
    .where(eq(boardMeetings.id, meeting.id))
    .for("update");
  if (locked!.closedAt)
    throw conflict("The minutes of this meeting are closed; record the decision in a new meeting.");
  const [dup] = await tx
    .select({ id: boardDecisions.id })
    .from(boardDecisions)
    .where(and(eq(boardDecisions.meetingId, meeting.id), eq(boardDecisions.changeId, change.id)));
  if (dup) throw conflict(`${change.number} already has a decision in this meeting.`);
  await tx.insert(boardDecisions).values({
    meetingId: meeting.id,
    changeId: change.id,
    decision: data.decision,
    reason: data.reason,
    signoffId,
    decidedAt: now,
    decidedBy: actor.userId!,
  });
  await appendAudit(tx, actor, {
    action: "board.decision",
    objectType: "board_meeting",
    objectId: meeting.id,
    siteId: meeting.siteId,
    after: {
      changeId: change.id,
      number: change.number,
      decision: data.decision,
      reason: data.reason,
      signoffId,
      contentHash: data.contentHash,
      attendees: locked!.attendees,
      decidedAt: isoUtc(now),
    },
    reason: data.reason || null,
  });
}

/**
 * The chair's decision on an agenda item. Approve and reject are the change board's electronic
 * signature, given through the one signing path (separation of duties, password, content hash
 * checked under the change's lock) with the meeting and its attendees in the comment; the
 * decision row and its audit event are written in the signature's transaction. Defer records the
 * reason only: the change stays on the next meeting's agenda.
 */
export async function recordDecision(
  actor: Actor,
  meetingId: string,
  input: BoardDecisionInput,
  client: ClientInfo = {},
): Promise<BoardMeetingView> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only the meeting's chair can record decisions.");
  const data = parseInput(boardDecisionSchema, input, "The decision");
  const db = await getDb();
  const { meeting, item, zone } = await db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, actor, meetingId);
    if (meeting.chairId !== actor.userId)
      throw forbidden("Only the chair of this meeting records its decisions; ask the chair.");
    if (meeting.closedAt)
      throw conflict("The minutes of this meeting are closed; record the decision in a new meeting.");
    await requireInSession(tx, meeting, "decisions are recorded");
    if (data.decision !== "defer" && meeting.attendees.length === 0)
      throw invalid("List who attends first: the board's sign-off names the meeting's attendees.", [
        { path: "attendees", message: "Record the attendees before the board signs." },
      ]);
    const item = (await loadAgenda(tx, actor, meeting.siteId)).find((a) => a.changeId === data.changeId);
    if (!item)
      throw invalid("This change is not on the agenda: it does not need the change board's sign-off now.", [
        { path: "changeId", message: "Not on the agenda." },
      ]);
    const view = await buildMeetingView(tx, actor, meeting);
    return { meeting, item, zone: view.timeZone };
  });
  const change = { id: item.changeId, number: item.number };
  if (data.decision === "defer") {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: changes.id })
        .from(changes)
        .where(eq(changes.id, change.id))
        .for("update");
      if (!row) throw invalid("The change was not found.");
      await writeDecision(tx, actor, meeting, change, data, null);
    });
  } else {
    const attendees = meeting.attendees.join(", ");
    const comment =
      `Board meeting "${meeting.title}", ${formatInZone(meeting.startsAt, zone)}; attendees: ${attendees}.${
        data.reason ? ` ${data.reason}` : ""
      }`.slice(0, 4_000);
    await signChange(
      actor,
      change.id,
      {
        role: "change_board",
        decision: data.decision,
        comment,
        contentHash: data.contentHash,
        password: data.password ?? "",
      },
      client,
      null,
      (tx, signoffId) => writeDecision(tx, actor, meeting, change, data, signoffId),
    );
  }
  return db.transaction(async (tx) => buildMeetingView(tx, actor, await findMeeting(tx, actor, meetingId)));
}
