import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";
import { inSession, sessionOpensAt } from "@/lib/domain/board/session";
import { formatInZone } from "@/lib/domain/site-time";
import { currentTime } from "@/lib/clock";
import { conflict } from "@/lib/services/base/errors";
import type { MeetingRow } from "./load";

/** Refuses `what` (a decision, closing the minutes) before the meeting is in session. */
export async function requireInSession(ex: Executor, meeting: MeetingRow, what: string): Promise<void> {
  if (inSession(meeting.startsAt, currentTime())) return;
  const [site] = await ex.select({ zone: sites.timeZone }).from(sites).where(eq(sites.id, meeting.siteId));
  const opens = formatInZone(sessionOpensAt(meeting.startsAt), site?.zone ?? "UTC");
  throw conflict(`The meeting is not in session yet: ${what} from ${opens}, when the chair may open it.`);
}
