import "server-only";
import { currentTime } from "@/lib/clock";
import { and, gte, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { changes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mondayUtc, weeklyFigures } from "@/lib/domain/dashboard/trends";
import { visibleSiteIds } from "@/lib/services/changes/internal/access";
import { visibleTo } from "@/lib/services/changes/internal/list-queries";
import type { DashboardTrends } from "@/lib/types/dashboard";

export const TREND_WEEKS = 12;

/** Changes started per week by class, and their lead time from submission, over the last twelve weeks at the sites I see. */
export async function changeTrends(actor: Actor, now = currentTime()): Promise<DashboardTrends> {
  const visible = visibleSiteIds(actor);
  if (visible.length === 0) return { weeks: [] };
  const db = await getDb();
  const from = new Date(mondayUtc(now).getTime() - (TREND_WEEKS - 1) * 7 * 86_400_000);
  const rows = await db
    .select({ class: changes.class, submittedAt: changes.submittedAt, actualStart: changes.actualStart })
    .from(changes)
    .where(and(await visibleTo(db, visible), isNotNull(changes.actualStart), gte(changes.actualStart, from)));
  return {
    weeks: weeklyFigures(
      rows.map((r) => ({ class: r.class, submittedAt: r.submittedAt, actualStart: r.actualStart! })),
      now,
      TREND_WEEKS,
    ),
  };
}
