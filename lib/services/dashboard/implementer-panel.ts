import "server-only";
import { currentTime } from "@/lib/clock";
import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { visibleSiteIds } from "@/lib/services/changes/internal/access";
import { decideGate, gateResult } from "@/lib/services/changes/internal/decide-gate";
import { visibleTo } from "@/lib/services/changes/internal/list-queries";
import { loadContexts } from "@/lib/services/changes/internal/load";
import type { ImplementerPanel } from "@/lib/types/dashboard";
import { dashboardChange, siteInfo } from "./internal/dashboard-change";

const HOURS_AHEAD = 72;

/**
 * Approved changes I implement whose slot opens within the next 72 hours or is open now, each with
 * the gate's answer as it stands (evaluated, not recorded: looking is not a start attempt), and the
 * changes I have in progress.
 */
export async function implementerPanel(actor: Actor, now = currentTime()): Promise<ImplementerPanel | null> {
  if (!actor.userId || sitesWithPermission(actor, "change.implement").length === 0) return null;
  const db = await getDb();
  const inScope = await visibleTo(db, visibleSiteIds(actor));
  const horizon = new Date(now.getTime() + HOURS_AHEAD * 3_600_000);
  const mine = and(inScope, eq(changes.implementerId, actor.userId));
  return db.transaction(async (tx) => {
    const approved = await tx
      .select()
      .from(changes)
      .where(
        and(
          mine,
          eq(changes.state, "approved"),
          lt(changes.plannedStart, horizon),
          gt(changes.plannedEnd, now),
        ),
      )
      .orderBy(asc(changes.plannedStart))
      .limit(20);
    const running = await tx
      .select()
      .from(changes)
      .where(and(mine, inArray(changes.state, ["in_progress"])))
      .orderBy(asc(changes.actualStart))
      .limit(20);
    const info = await siteInfo(
      tx,
      [...approved, ...running].flatMap((r) => r.siteIds),
    );
    const upcoming: ImplementerPanel["upcoming"] = [];
    for (const ctx of await loadContexts(tx, approved))
      upcoming.push({
        ...dashboardChange(ctx.row, info),
        gate: gateResult(await decideGate(tx, actor, ctx, now)),
      });
    return { upcoming, inProgress: running.map((r) => dashboardChange(r, info)) };
  });
}
