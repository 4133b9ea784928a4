import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { CalendarToolbar } from "@/components/calendar/toolbar";
import { ConflictList } from "@/components/calendar/conflict-list";
import { Legend } from "@/components/calendar/legend";
import { MonthGrid } from "@/components/calendar/month-grid";
import { Timeline, timelineRows } from "@/components/calendar/timeline";
import { WeekGrid } from "@/components/calendar/week-grid";
import { ZoneBanner } from "@/components/calendar/zone-banner";
import type { CalendarContext } from "@/components/calendar/context";
import { requireActor } from "@/lib/auth/session";
import { hasSitePermission } from "@/lib/auth/permissions";
import { matchesFilters, type ChangeItem } from "@/lib/calendar/items";
import { calendarHref, parseCalendarQuery } from "@/lib/calendar/query";
import { normaliseDate, viewRange } from "@/lib/calendar/range";
import { requestRange } from "@/lib/calendar/request-range";
import { isServiceError } from "@/lib/services/base/errors";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import { formatLocal } from "@/lib/domain/schedule";
import { itemsFromData } from "./items-from-data";
import { managerActions } from "./manager-actions";

export const metadata: Metadata = { title: "Change calendar" };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseCalendarQuery(await searchParams);
  const actor = await requireActor();
  const grants = actor.grants.filter((g) => hasSitePermission(actor, "window.view", g.siteId));
  const sites = [
    ...new Map(grants.map((g) => [g.siteCode, { code: g.siteCode, id: g.siteId }])).values(),
  ].sort((a, b) => a.code.localeCompare(b.code));
  if (sites.length === 0) {
    return (
      <>
        <PageHeader title="Change calendar" />
        <Card className="p-4 text-sm text-slate-700">
          You hold no role at any site, so there is no calendar to show.
        </Card>
      </>
    );
  }
  const site = query.site ? sites.find((s) => s.code === query.site) : sites[0];
  if (!site) notFound();
  const now = new Date();
  // A date that is not a real calendar day means "today", decided once the zone is known.
  const date = query.date && normaliseDate(query.date, now, "UTC") === query.date ? query.date : undefined;
  const q = { ...query, site: site.code, date };

  let data;
  try {
    data = await calendarData(actor, { site: site.code, ...requestRange(q.view, q.date, now) });
  } catch (e) {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  }
  const tz = data.site.timeZone;
  const range = viewRange(q.view, q.date, now, tz);
  const knownAreas = new Set(data.site.areas.map((a) => a.code));
  const filters = { areas: q.areas.filter((a) => knownAreas.has(a)), states: q.states };
  const items = itemsFromData(data).filter((i) => matchesFilters(i, filters));
  const areas = data.site.areas.map((a) => ({ code: a.code, name: a.name }));
  const ctx: CalendarContext = {
    now,
    siteCode: site.code,
    timeZone: tz,
    areaNames: Object.fromEntries(areas.map((a) => [a.code, a.name])),
    actionsFor: managerActions({
      canWindows: hasSitePermission(actor, "window.manage", site.id),
      canRuns: hasSitePermission(actor, "production.manage", site.id),
      timeZone: tz,
      areas,
    }),
  };
  const caption = `${data.site.name}, ${range.title}. Times in ${tz}.`;
  const shownChanges = items.filter(
    (i): i is ChangeItem => i.type === "change" && i.start < range.to && i.end > range.from,
  );

  return (
    <>
      <PageHeader
        title="Change calendar"
        description={`${data.site.name} (${data.site.code})`}
        actions={
          <Button asChild variant="secondary">
            <Link href={`/schedule?site=${site.code}`}>Windows & production</Link>
          </Button>
        }
      />
      <div className="space-y-3">
        <CalendarToolbar
          query={q}
          range={range}
          sites={sites.map((s) => ({
            code: s.code,
            name: s.code === data.site.code ? data.site.name : s.code,
          }))}
          areas={areas}
        />
        <ZoneBanner tz={tz} days={range.days} />
        <Legend />
        <section aria-label={`${range.title}, ${range.view} view`}>
          {range.view === "month" ? (
            <MonthGrid
              range={range}
              items={items}
              ctx={ctx}
              caption={caption}
              weekHref={(date) => calendarHref(q, { view: "week", date })}
            />
          ) : range.view === "week" ? (
            <WeekGrid range={range} items={items} ctx={ctx} />
          ) : (
            <Timeline
              range={range}
              rows={timelineRows(
                items,
                filters.areas.length ? areas.filter((a) => filters.areas.includes(a.code)) : areas,
              )}
              ctx={ctx}
            />
          )}
        </section>
        <ConflictList changes={shownChanges} />
        <p className="text-xs text-slate-600">
          Drafts, rejected and cancelled changes are not shown. Now at the site: {formatLocal(now, tz)} (the
          red line in the week and timeline views).
        </p>
      </div>
    </>
  );
}
