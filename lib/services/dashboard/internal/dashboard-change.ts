import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";
import { isoUtc } from "@/lib/domain/changes";
import type { ChangeRow } from "@/lib/services/changes/internal/load";
import type { DashboardChange } from "@/lib/types/dashboard";

export interface SiteInfo {
  code: string;
  name: string;
  timeZone: string;
}

export async function siteInfo(ex: Executor, ids: readonly string[]): Promise<Map<string, SiteInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select()
    .from(sites)
    .where(inArray(sites.id, [...new Set(ids)]));
  return new Map(rows.map((s) => [s.id, { code: s.code, name: s.name, timeZone: s.timeZone }]));
}

/** A change as a dashboard row, in the zone of its first site. */
export function dashboardChange(row: ChangeRow, info: Map<string, SiteInfo>): DashboardChange {
  const first = info.get(row.siteIds[0] ?? "");
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    state: row.state,
    class: row.class,
    risk: row.risk,
    siteCodes: row.siteIds.map((id) => info.get(id)?.code ?? "?"),
    timeZone: first?.timeZone ?? "UTC",
    plannedStart: row.plannedStart ? isoUtc(row.plannedStart) : null,
    plannedEnd: row.plannedEnd ? isoUtc(row.plannedEnd) : null,
  };
}
