import "server-only";
import { currentTime } from "@/lib/clock";
import { and, count, eq, inArray, lt, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { EXPIRY_WARNING_DAYS, expiryStatus } from "@/lib/domain/changes/temporary";
import { temporaryInPlaceRows } from "./internal/temporary-in-place";
import { changes, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { EMERGENCY_RETRO_HOURS, OWING_STATES, evaluateSignoffs, isoUtc } from "@/lib/domain/changes";
import { CHANGE_STATES, type ChangeState } from "@/lib/domain/constants";
import { visibleSiteIds } from "./internal/access";
import { loadContexts } from "./internal/load";
import { visibleTo } from "./internal/list-queries";
import type { ChangeDashboard } from "@/lib/types/changes";

/** In place and within the warning (three local days) or past its expiry, soonest first. */
async function temporaryExpiring(
  db: Db,
  inScope: SQL,
  now: Date,
): Promise<ChangeDashboard["temporaryExpiring"]> {
  const rows = await temporaryInPlaceRows(db, {
    scope: inScope,
    before: new Date(now.getTime() + (EXPIRY_WARNING_DAYS + 1) * 86_400_000),
    limit: 200,
  });
  return rows.flatMap((r) => {
    const status = expiryStatus(r.temporaryUntil, now, r.timeZone);
    if (status === "in_place") return [];
    return [
      {
        id: r.id,
        number: r.number,
        title: r.title,
        timeZone: r.timeZone,
        temporaryUntil: isoUtc(r.temporaryUntil),
        status,
        revert: r.revert,
      },
    ];
  });
}

function zeroCounts(): Record<ChangeState, number> {
  return Object.fromEntries(CHANGE_STATES.map((s) => [s, 0])) as Record<ChangeState, number>;
}

/**
 * The change part of the dashboard: counts by state per site (a multi-site change counts at
 * each of its sites) and emergency changes whose retrospective sign-offs are overdue. What awaits
 * the user is the approver panel's (lib/services/dashboard/approver-panel).
 */
export async function changeDashboard(actor: Actor, now = currentTime()): Promise<ChangeDashboard> {
  const visible = visibleSiteIds(actor);
  if (visible.length === 0) return { sites: [], overdueRetrospective: [], temporaryExpiring: [] };
  const db = await getDb();
  const inScope = await visibleTo(db, visible);

  // Grouped on the site list as stored (few distinct lists), then spread over its sites here:
  // cheaper than unnesting every row first.
  const grouped = await db
    .select({ siteIds: changes.siteIds, state: changes.state, n: count() })
    .from(changes)
    .where(inScope)
    .groupBy(changes.siteIds, changes.state);
  const counted = grouped.flatMap((g) => g.siteIds.map((siteId) => ({ siteId, state: g.state, n: g.n })));
  const siteRows = await db.select().from(sites).where(inArray(sites.id, visible)).orderBy(sites.code);

  const dueBefore = new Date(now.getTime() - EMERGENCY_RETRO_HOURS * 3_600_000);
  const owing = await db
    .select()
    .from(changes)
    .where(
      and(
        inScope,
        eq(changes.class, "emergency"),
        inArray(changes.state, [...OWING_STATES]),
        lt(changes.approvedAt, dueBefore),
      ),
    )
    .orderBy(changes.approvedAt)
    .limit(500);
  const codes = new Map(siteRows.map((s) => [s.id, s.code]));
  const overdueRetrospective: ChangeDashboard["overdueRetrospective"] = [];
  for (const ctx of await loadContexts(db, owing)) {
    const e = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound, {
      now,
      approvedAt: ctx.row.approvedAt,
    });
    const first = e.overdueRetrospective[0];
    if (!first) continue;
    overdueRetrospective.push({
      id: ctx.row.id,
      number: ctx.row.number,
      title: ctx.row.title,
      siteCodes: ctx.row.siteIds.map((id) => codes.get(id) ?? "?"),
      dueAt: isoUtc(first.dueAt),
      roles: e.overdueRetrospective.map((o) => ({ role: o.req.role, siteCode: o.req.siteCode })),
    });
  }

  return {
    sites: siteRows.map((s) => {
      const counts = zeroCounts();
      for (const c of counted) if (c.siteId === s.id) counts[c.state] += c.n;
      return {
        siteCode: s.code,
        siteName: s.name,
        timeZone: s.timeZone,
        counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      };
    }),
    overdueRetrospective,
    temporaryExpiring: await temporaryExpiring(db, inScope, now),
  };
}
