import "server-only";
import { DateTime } from "luxon";
import { currentTime } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import type { ManagerPanel, TimelineItem } from "@/lib/types/dashboard";

const DAY_MS = 86_400_000;

/** The week ahead at each site I manage: windows, blackouts, production runs and changes, and the changes that conflict. */
export async function managerPanel(actor: Actor, now = currentTime()): Promise<ManagerPanel | null> {
  const managed = [
    ...new Set(actor.grants.filter((g) => g.role === "change_manager").map((g) => g.siteCode)),
  ].sort();
  if (managed.length === 0) return null;
  const to = new Date(now.getTime() + 7 * DAY_MS);
  const sites: ManagerPanel["sites"] = [];
  for (const code of managed) {
    const cal = await calendarData(actor, { site: code, from: now.toISOString(), to: to.toISOString() });
    const calendar = `/calendar?site=${code}`;
    const items: TimelineItem[] = [
      ...cal.occurrences.map((o) => ({
        kind: o.kind,
        title: o.title,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        href: calendar,
        areaCodes: o.areaCodes,
        conflict: false,
      })),
      ...cal.productionRuns.map((r) => ({
        kind: "run" as const,
        title: r.title,
        start: r.start.toISOString(),
        end: r.end.toISOString(),
        href: calendar,
        areaCodes: [r.areaCode],
        runKind: r.kind,
        critical: r.criticality === "critical",
        conflict: false,
      })),
      ...cal.changes.map((c) => ({
        kind: "change" as const,
        title: `${c.number} ${c.title}`,
        start: c.plannedStart.toISOString(),
        end: c.plannedEnd.toISOString(),
        href: `/changes/${c.id}`,
        areaCodes: c.areaCodes,
        state: c.state,
        conflict: c.conflicts.some((x) => x.blocking),
      })),
    ].filter((i) => i.end > now.toISOString() && i.start < to.toISOString());
    // Ticks at the site's midnights, so a day's label sits over that day as the plant lives it.
    const first = DateTime.fromJSDate(now, { zone: cal.site.timeZone }).startOf("day");
    const days = Array.from({ length: 8 }, (_, i) => first.plus({ days: i + 1 }))
      .filter((d) => d.toMillis() < to.getTime())
      .map((d) => ({ at: d.toUTC().toISO()!, label: d.toFormat("ccc d") }));
    sites.push({
      siteCode: cal.site.code,
      days,
      siteName: cal.site.name,
      timeZone: cal.site.timeZone,
      from: now.toISOString(),
      to: to.toISOString(),
      items,
      conflicts: cal.changes
        .filter((c) => c.conflicts.length > 0)
        .map((c) => ({
          changeId: c.id,
          number: c.number,
          title: c.title,
          messages: c.conflicts.map((x) => x.message),
        })),
    });
  }
  return { sites };
}
