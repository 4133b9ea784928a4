import "server-only";
import { eq } from "drizzle-orm";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { boardMeetings, sites } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { describeSeries, meetingStarts } from "@/lib/domain/board/recurrence";
import { scheduleMeetingSchema, type ScheduleMeetingInput } from "@/lib/schemas/board";
import { requireSitePermission } from "@/lib/services/authorize";
import { forbidden, invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { BoardMeetingSummary } from "@/lib/types/board";

/**
 * A change manager schedules a board meeting at a site, and chairs it. A series (every N weeks,
 * or monthly on the same weekday) is one meeting per date at the same local time (DST-correct),
 * each with its own agenda and minutes; the trail names the series' rule in words.
 */
export async function scheduleMeeting(
  actor: Actor,
  input: ScheduleMeetingInput,
): Promise<BoardMeetingSummary[]> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in change manager can schedule a meeting.");
  const chairId = actor.userId;
  const data = parseInput(scheduleMeetingSchema, input, "The meeting");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [site] = await tx.select().from(sites).where(eq(sites.code, data.siteCode));
    if (!site) throw notFound("Site");
    requireSitePermission(actor, "board.manage", site.id, "Site");
    const now = currentTime();
    if (data.startsAt.getTime() < now.getTime() - 3_600_000)
      throw invalid("A board meeting cannot start in the past.", [
        { path: "startsAt", message: "Choose a time from now on." },
      ]);
    const starts = meetingStarts(data.startsAt, site.timeZone, data);
    const repeat = describeSeries(data.startsAt, site.timeZone, data.durationMinutes, data);
    const rows = await tx
      .insert(boardMeetings)
      .values(
        starts.map((startsAt) => ({
          siteId: site.id,
          title: data.title,
          startsAt,
          durationMinutes: data.durationMinutes,
          chairId,
          createdAt: now,
          createdBy: chairId,
        })),
      )
      .returning();
    for (const row of rows) {
      await appendAudit(tx, actor, {
        action: "board.schedule",
        objectType: "board_meeting",
        objectId: row.id,
        siteId: site.id,
        after: {
          siteId: site.id,
          title: row.title,
          startsAt: isoUtc(row.startsAt),
          durationMinutes: row.durationMinutes,
          chairEmail: actor.email,
          series: rows.length,
          repeat,
        },
      });
    }
    return rows.map((r) => ({
      id: r.id,
      siteCode: site.code,
      siteName: site.name,
      timeZone: site.timeZone,
      title: r.title,
      startsAt: isoUtc(r.startsAt),
      durationMinutes: r.durationMinutes,
      chairName: actor.name,
      closedAt: null,
      decisionCount: 0,
    }));
  });
}
