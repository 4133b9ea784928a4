import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { boardDecisions, boardMeetings, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { scopeFor } from "@/lib/services/authorize";
import type { BoardMeetingSummary } from "@/lib/types/board";

/** The board meetings at the sites the actor sees, latest first (at most 200). */
export async function listMeetings(
  actor: Actor,
  opts: { site?: string } = {},
): Promise<BoardMeetingSummary[]> {
  const visible = scopeFor(actor, "change.view");
  if (visible.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ m: boardMeetings, site: sites, chairName: users.name })
    .from(boardMeetings)
    .innerJoin(sites, eq(sites.id, boardMeetings.siteId))
    .innerJoin(users, eq(users.id, boardMeetings.chairId))
    .where(
      and(
        inArray(boardMeetings.siteId, visible),
        opts.site ? eq(sites.code, opts.site.toUpperCase()) : undefined,
      ),
    )
    .orderBy(desc(boardMeetings.startsAt))
    .limit(200);
  const ids = rows.map((r) => r.m.id);
  const counts = ids.length
    ? await db
        .select({ id: boardDecisions.meetingId, n: count() })
        .from(boardDecisions)
        .where(inArray(boardDecisions.meetingId, ids))
        .groupBy(boardDecisions.meetingId)
    : [];
  const n = new Map(counts.map((c) => [c.id, c.n]));
  return rows.map((r) => ({
    id: r.m.id,
    siteCode: r.site.code,
    siteName: r.site.name,
    timeZone: r.site.timeZone,
    title: r.m.title,
    startsAt: isoUtc(r.m.startsAt),
    durationMinutes: r.m.durationMinutes,
    chairName: r.chairName,
    closedAt: r.m.closedAt ? isoUtc(r.m.closedAt) : null,
    decisionCount: n.get(r.m.id) ?? 0,
  }));
}
