import "server-only";
import { currentTime } from "@/lib/clock";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { evaluateSignoffs } from "@/lib/domain/changes";
import type { ChangeState } from "@/lib/domain/constants";
import { visibleSiteIds } from "@/lib/services/changes/internal/access";
import { visibleTo } from "@/lib/services/changes/internal/list-queries";
import { loadContexts, type ChangeContext } from "@/lib/services/changes/internal/load";
import { closeBlockers, submitIssues } from "@/lib/services/changes/internal/preconditions";
import { loadScheduleConflicts } from "@/lib/services/changes/internal/schedule-seam";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import type { Tx } from "@/db/client";
import type { RequesterPanel } from "@/lib/types/dashboard";
import { dashboardChange, siteInfo } from "./internal/dashboard-change";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

const ENDED: ChangeState[] = ["closed", "cancelled"];
const DAY_MS = 86_400_000;

/** What holds the change up, in the words its requester acts on. */
async function blockersOf(tx: Tx, ctx: ChangeContext, now: Date): Promise<string[]> {
  const row = ctx.row;
  switch (row.state) {
    case "draft": {
      const issues = submitIssues(ctx, now).map((i) => i.message);
      if (issues.length) return issues;
      const conflicts = await loadScheduleConflicts(
        tx,
        row,
        ctx.assets.map((a) => a.id),
      );
      return conflicts.length ? conflicts.map((c) => c.message) : ["Ready to submit"];
    }
    case "submitted": {
      const e = evaluateSignoffs(ctx.required, ctx.counted, row.approvalRound);
      return e.missing
        .filter((r) => !r.retrospectiveAllowed)
        .map(
          (r) =>
            `Waiting for the ${SIGNOFF_ROLE_LABELS[r.role].toLowerCase()} sign-off${r.siteCode ? ` (${r.siteCode})` : ""}`,
        );
    }
    case "rejected": {
      const e = evaluateSignoffs(ctx.required, ctx.counted, row.approvalRound);
      return e.rejected.map((s) => `Rejected by ${s.signerName ?? "an approver"}: revise it or cancel it`);
    }
    case "approved":
      return [];
    case "in_progress":
      // Its slot has opened already: "Slot opens …" would read as if it were still to come.
      return ["Being implemented: the implementer records the outcome"];
    case "failed":
    case "rolled_back":
      return ["Plan a follow-up change that names this one"];
    default: {
      const left = closeBlockers(ctx);
      return left.length ? left : ["Implemented: waiting for the post-implementation review and closure"];
    }
  }
}

/** A requester's own changes by state, what blocks each open one, and the next maintenance windows. */
export async function requesterPanel(actor: Actor, now = currentTime()): Promise<RequesterPanel | null> {
  // Requesters only: a change manager may file changes too, but their dashboard is the week ahead.
  const mySites = [...new Set(actor.grants.filter((g) => g.role === "requester").map((g) => g.siteId))];
  if (!actor.userId || mySites.length === 0) return null;
  const db = await getDb();
  const inScope = await visibleTo(db, visibleSiteIds(actor));
  const rows = await db
    .select()
    .from(changes)
    .where(and(inScope, eq(changes.requesterId, actor.userId)))
    .orderBy(desc(changes.updatedAt))
    .limit(200);
  const counts: RequesterPanel["counts"] = {};
  for (const r of rows) counts[r.state] = (counts[r.state] ?? 0) + 1;
  const openRows = rows.filter((r) => !ENDED.includes(r.state)).slice(0, 25);
  const info = await siteInfo(db, [...mySites, ...openRows.flatMap((r) => r.siteIds)]);
  const open = await db.transaction(async (tx) => {
    const out: RequesterPanel["open"] = [];
    for (const ctx of await loadContexts(tx, openRows))
      out.push({ ...dashboardChange(ctx.row, info), blockers: await blockersOf(tx, ctx, now) });
    return out;
  });
  const nextWindows: RequesterPanel["nextWindows"] = [];
  const to = new Date(now.getTime() + 14 * DAY_MS);
  for (const siteId of mySites) {
    const site = info.get(siteId)!;
    const cal = await calendarData(actor, { site: site.code, from: now.toISOString(), to: to.toISOString() });
    for (const o of cal.occurrences.filter((x) => x.kind === "maintenance" && x.end > now))
      nextWindows.push({
        title: o.title,
        siteCode: site.code,
        timeZone: site.timeZone,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
      });
  }
  nextWindows.sort((a, b) => a.start.localeCompare(b.start));
  return { counts, open, nextWindows: nextWindows.slice(0, 6) };
}
