import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { boardDecisions, boardMeetings, changes, signoffs, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { contentHash, evaluateSignoffs, isoUtc, OWING_STATES } from "@/lib/domain/changes";
import { inSession, sessionOpensAt } from "@/lib/domain/board/session";
import { currentTime } from "@/lib/clock";
import { notFound } from "@/lib/services/base/errors";
import { UUID_RE } from "@/lib/services/base/match";
import { canViewChange } from "@/lib/services/changes/internal/access";
import { loadContexts } from "@/lib/services/changes/internal/load";
import type { AgendaItem, BoardDecisionView, BoardMeetingView } from "@/lib/types/board";

/** The meeting row, "not found" alike when missing or at a site the actor may not see. */
export async function findMeeting(
  ex: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (typeof id !== "string" || !UUID_RE.test(id)) throw notFound("Board meeting");
  const q = ex.select().from(boardMeetings).where(eq(boardMeetings.id, id));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  if (!row || !hasSitePermission(actor, "change.view", row.siteId)) throw notFound("Board meeting");
  return row;
}
export type MeetingRow = Awaited<ReturnType<typeof findMeeting>>;

/**
 * Changes at the site that still need the change board's sign-off (submitted, or an emergency
 * change owing it afterwards), soonest planned start first, with what else is missing.
 */
export async function loadAgenda(ex: Executor, actor: Actor, siteId: string): Promise<AgendaItem[]> {
  const rows = await ex
    .select()
    .from(changes)
    .where(
      and(
        inArray(changes.state, ["submitted", ...OWING_STATES]),
        inArray(changes.risk, ["high", "critical"]),
        sql`${siteId}::uuid = any(${changes.siteIds})`,
      ),
    )
    .orderBy(sql`${changes.plannedStart} asc nulls last`, asc(changes.number))
    .limit(200);
  const ctxs = await loadContexts(ex, rows);
  const names = await namesOf(
    ex,
    ctxs.map((c) => c.row.requesterId),
  );
  const out: AgendaItem[] = [];
  for (const ctx of ctxs) {
    const e = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound);
    if (!e.missing.some((r) => r.role === "change_board")) continue;
    if (e.rejected.length || !canViewChange(actor, ctx.row.siteIds)) continue;
    out.push({
      changeId: ctx.row.id,
      number: ctx.row.number,
      title: ctx.row.title,
      state: ctx.row.state,
      risk: ctx.row.risk,
      plannedStart: ctx.row.plannedStart ? isoUtc(ctx.row.plannedStart) : null,
      plannedEnd: ctx.row.plannedEnd ? isoUtc(ctx.row.plannedEnd) : null,
      requesterName: names.get(ctx.row.requesterId) ?? "",
      contentHash: contentHash(ctx.content),
      missing: e.missing
        .filter((r) => r.role !== "change_board")
        .map((r) => ({ role: r.role, siteCode: r.siteCode })),
    });
  }
  return out;
}

async function namesOf(ex: Executor, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<string, string>();
  const rows = await ex
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function loadDecisions(ex: Executor, meetingId: string): Promise<BoardDecisionView[]> {
  const rows = await ex
    .select({
      d: boardDecisions,
      number: changes.number,
      title: changes.title,
      meaning: signoffs.meaning,
      contentHash: signoffs.contentHash,
      decidedByName: users.name,
    })
    .from(boardDecisions)
    .innerJoin(changes, eq(changes.id, boardDecisions.changeId))
    .innerJoin(users, eq(users.id, boardDecisions.decidedBy))
    .leftJoin(signoffs, eq(signoffs.id, boardDecisions.signoffId))
    .where(eq(boardDecisions.meetingId, meetingId))
    .orderBy(asc(boardDecisions.decidedAt));
  return rows.map((r) => ({
    id: r.d.id,
    changeId: r.d.changeId,
    number: r.number,
    title: r.title,
    decision: r.d.decision,
    reason: r.d.reason,
    signoffId: r.d.signoffId,
    meaning: r.meaning,
    contentHash: r.contentHash,
    decidedAt: isoUtc(r.d.decidedAt),
    decidedByName: r.decidedByName,
  }));
}

export async function buildMeetingView(
  ex: Executor,
  actor: Actor,
  row: MeetingRow,
): Promise<BoardMeetingView> {
  const [site] = await ex.select().from(sites).where(eq(sites.id, row.siteId));
  const [chair] = await ex.select().from(users).where(eq(users.id, row.chairId));
  const decisions = await loadDecisions(ex, row.id);
  const decided = new Set(decisions.map((d) => d.changeId));
  const agenda = row.closedAt
    ? []
    : (await loadAgenda(ex, actor, row.siteId)).filter((a) => !decided.has(a.changeId));
  return {
    id: row.id,
    siteId: row.siteId,
    siteCode: site!.code,
    siteName: site!.name,
    timeZone: site!.timeZone,
    title: row.title,
    startsAt: isoUtc(row.startsAt),
    durationMinutes: row.durationMinutes,
    chairId: row.chairId,
    chairName: chair!.name,
    chairEmail: chair!.email,
    closedAt: row.closedAt ? isoUtc(row.closedAt) : null,
    decisionCount: decisions.length,
    attendees: row.attendees,
    notes: row.notes,
    agenda,
    decisions,
    canChair: !row.closedAt && actor.userId === row.chairId,
    sessionOpensAt: isoUtc(sessionOpensAt(row.startsAt)),
    inSession: !row.closedAt && inSession(row.startsAt, currentTime()),
  };
}
