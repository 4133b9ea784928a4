import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { BoardMeetingView } from "@/lib/types/board";
import { buildMeetingView, findMeeting } from "./internal/load";

/** A meeting with its live agenda (while open), its decisions and minutes. */
export async function getMeeting(actor: Actor, id: string): Promise<BoardMeetingView> {
  const db = await getDb();
  return db.transaction(async (tx) => buildMeetingView(tx, actor, await findMeeting(tx, actor, id)));
}
