import "server-only";
import { and, eq, gt, isNull, lt, type SQL } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { productionRuns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { toLocalIso, type ProductionRunFacts } from "@/lib/domain/schedule";
import { zoneAbbreviation } from "@/lib/domain/site-time";
import { uuid } from "@/lib/schemas/common";
import { requireSitePermission } from "@/lib/services/authorize";
import { invalid, notFound } from "@/lib/services/base/errors";
import { loadSite, type SiteContext } from "./site-context";
import type { RunView } from "@/lib/types/schedule";

export type RunRow = typeof productionRuns.$inferSelect;

export function runView(row: RunRow, site: SiteContext): RunView {
  return {
    id: row.id,
    siteCode: site.code,
    areaCode: site.areaById.get(row.areaId)?.code ?? row.areaId,
    title: row.title,
    kind: row.kind,
    criticality: row.criticality,
    start: row.start,
    end: row.end,
    localStart: toLocalIso(row.start, site.timeZone),
    localEnd: toLocalIso(row.end, site.timeZone),
    timeZone: site.timeZone,
    zoneAbbr: zoneAbbreviation(site.timeZone, row.start),
    opensWindow: row.kind === "turnaround",
    sequence: row.sequence,
  };
}

export function runFacts(row: RunRow): ProductionRunFacts {
  return {
    id: row.id,
    siteId: row.siteId,
    areaId: row.areaId,
    title: row.title,
    kind: row.kind,
    criticality: row.criticality,
    start: row.start,
    end: row.end,
  };
}

export function auditRun(v: RunView) {
  return {
    areaCode: v.areaCode,
    title: v.title,
    kind: v.kind,
    criticality: v.criticality,
    start: v.start.toISOString(),
    end: v.end.toISOString(),
    localStart: v.localStart,
    localEnd: v.localEnd,
  };
}

export const MAX_RUN_DAYS = 366;

export function checkRunSpan(start: Date, end: Date, path = "end"): void {
  if (end.getTime() <= start.getTime())
    throw invalid("The run must end after it starts.", [{ path, message: "Must be after the start." }]);
  if (end.getTime() - start.getTime() > MAX_RUN_DAYS * 86_400_000) {
    throw invalid(`A run may last at most ${MAX_RUN_DAYS} days; split longer campaigns.`, [
      { path, message: `At most ${MAX_RUN_DAYS} days after the start.` },
    ]);
  }
}

export function runsOverlapping(siteIds: SQL, from: Date, to: Date): SQL {
  return and(
    siteIds,
    isNull(productionRuns.deletedAt),
    lt(productionRuns.start, to),
    gt(productionRuns.end, from),
  )!;
}

export async function lockedRunFor(
  tx: Tx,
  actor: Actor,
  id: string,
): Promise<{ row: RunRow; site: SiteContext }> {
  if (!uuid.safeParse(id).success) throw notFound("Production run");
  const [row] = await tx
    .select()
    .from(productionRuns)
    .where(and(eq(productionRuns.id, id), isNull(productionRuns.deletedAt)))
    .for("update");
  if (!row) throw notFound("Production run");
  requireSitePermission(actor, "production.manage", row.siteId, "Production run");
  const site = await loadSite(tx, { id: row.siteId });
  if (!site) throw notFound("Production run");
  return { row, site };
}

export async function loadRunsOverlapping(
  ex: Executor,
  siteIds: SQL,
  from: Date,
  to: Date,
  limit?: number,
): Promise<RunRow[]> {
  const q = ex
    .select()
    .from(productionRuns)
    .where(runsOverlapping(siteIds, from, to))
    .orderBy(productionRuns.start, productionRuns.id);
  return limit === undefined ? q : q.limit(limit);
}
