import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { CALENDAR_STATES, calendarHref, type CalendarQuery } from "@/lib/calendar/query";
import { CALENDAR_VIEWS, VIEW_LABELS, type ViewRange } from "@/lib/calendar/range";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";
import { SiteOptions } from "@/components/ui/site-options";

const selectCls = "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900";

/** Navigation and filters. Plain links and a GET form: they work without JavaScript and keep the URL shareable. */
export function CalendarToolbar({
  query,
  range,
  sites,
  areas,
}: {
  query: CalendarQuery;
  range: ViewRange;
  sites: { code: string; name: string }[];
  areas: { code: string; name: string }[];
}) {
  const unit = range.view === "month" ? "month" : "week";
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label="Calendar period" className="flex items-center gap-1">
          <Button asChild size="sm" variant="secondary">
            <Link href={calendarHref(query, { date: range.prevDate })}>
              <ChevronLeft className="size-3.5" aria-hidden="true" />
              <span className="sr-only">Previous {unit}</span>
            </Link>
          </Button>
          <Button asChild size="sm" variant="secondary">
            <Link href={calendarHref(query, { date: range.todayDate })}>Today</Link>
          </Button>
          <Button asChild size="sm" variant="secondary">
            <Link href={calendarHref(query, { date: range.nextDate })}>
              <ChevronRight className="size-3.5" aria-hidden="true" />
              <span className="sr-only">Next {unit}</span>
            </Link>
          </Button>
        </nav>
        <h2 className="text-base font-semibold text-slate-900" aria-live="polite">
          {range.title}
        </h2>
      </div>
      <nav aria-label="Calendar view" className="flex rounded-md border border-slate-300 bg-white p-0.5">
        {CALENDAR_VIEWS.map((v) => (
          <Link
            key={v}
            href={calendarHref(query, { view: v, date: range.date })}
            aria-current={v === range.view ? "page" : undefined}
            className={cn(
              "rounded px-2.5 py-1 text-sm no-underline hover:no-underline",
              v === range.view ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {VIEW_LABELS[v]}
          </Link>
        ))}
      </nav>
      <form
        method="get"
        action="/calendar"
        className="flex w-full flex-wrap items-end gap-2"
        aria-label="Calendar filters"
      >
        <input type="hidden" name="view" value={range.view} />
        <input type="hidden" name="date" value={range.date} />
        <label className="space-y-1 text-xs font-medium text-slate-700">
          <span className="block">Site</span>
          <select name="site" defaultValue={query.site ?? undefined} className={selectCls}>
            <SiteOptions sites={sites} />
          </select>
        </label>
        <label className="space-y-1 text-xs font-medium text-slate-700">
          <span className="block">Area</span>
          <select name="area" defaultValue={query.areas[0] ?? ""} className={selectCls}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} · {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs font-medium text-slate-700">
          <span className="block">Change state</span>
          <select name="state" defaultValue={query.states[0] ?? ""} className={selectCls}>
            <option value="">All states</option>
            {CALENDAR_STATES.map((s) => (
              <option key={s} value={s}>
                {CHANGE_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="md" variant="secondary">
          Apply filters
        </Button>
        {query.areas.length || query.states.length ? (
          <Link href={calendarHref(query, { areas: [], states: [] })} className="self-center text-sm">
            Clear filters
          </Link>
        ) : null}
      </form>
    </div>
  );
}
