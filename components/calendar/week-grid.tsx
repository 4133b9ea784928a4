import { DateTime } from "luxon";
import { cn } from "@/lib/cn";
import { formatLocal } from "@/lib/domain/schedule";
import { itemsOnDay, placeOnDay, type CalendarItem } from "@/lib/calendar/items";
import type { CalendarDay, ViewRange } from "@/lib/calendar/range";
import type { CalendarContext } from "./context";
import { ItemChip } from "./item-chip";

const HOUR_PX = 40;
const ALL_DAY_ROW_PX = 24;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

const coversDay = (i: CalendarItem, d: CalendarDay) =>
  i.start.getTime() <= d.start.getTime() && i.end.getTime() >= d.end.getTime();

const hhmm = (d: Date, tz: string) => formatLocal(d, tz, "time").split(" ")[0]!;

/** The part of the item on this day: "01:00–05:00", "from 06:00" (goes on), "until 18:00" (began earlier). */
function clock(item: CalendarItem, day: CalendarDay, tz: string): string {
  const startsToday = item.start.getTime() >= day.start.getTime();
  const endsToday = item.end.getTime() <= day.end.getTime();
  if (startsToday && endsToday) return `${hhmm(item.start, tz)}–${hhmm(item.end, tz)}`;
  return startsToday ? `from ${hhmm(item.start, tz)}` : `until ${hhmm(item.end, tz)}`;
}

const isNowOn = (now: Date, d: CalendarDay) =>
  now.getTime() >= d.start.getTime() && now.getTime() < d.end.getTime();
/** Where now falls in the day, 0–1 (days of 23 or 25 hours included). */
const nowOffset = (now: Date, d: CalendarDay) =>
  (now.getTime() - d.start.getTime()) / (d.end.getTime() - d.start.getTime());

export function WeekGrid({
  range,
  items,
  ctx,
}: {
  range: ViewRange;
  items: CalendarItem[];
  ctx: CalendarContext;
}) {
  const offsetAt = (d: Date) => DateTime.fromJSDate(d, { zone: ctx.timeZone }).offset;
  const columns = range.days.map((day) => {
    const onDay = itemsOnDay(items, day);
    const allDay = onDay.filter((i) => coversDay(i, day));
    const timed = placeOnDay(
      onDay.filter((i) => !coversDay(i, day)),
      day,
      offsetAt,
      20 / 1440,
    );
    return { day, allDay, timed };
  });
  const allDayRows = Math.max(1, ...columns.map((c) => c.allDay.length));
  const allDayHeight = allDayRows * ALL_DAY_ROW_PX + 8;
  return (
    <div className="overflow-x-auto">
      <div className="grid min-w-[44rem] grid-cols-[3.5rem_repeat(7,minmax(0,1fr))] border-t border-l border-slate-200 bg-white">
        <div aria-hidden="true" className="border-r border-b border-slate-200">
          <div className="h-10 border-b border-slate-200" />
          <div
            className="flex items-center justify-end border-b border-slate-200 pr-1 text-[11px] text-slate-600"
            style={{ height: allDayHeight }}
          >
            All day
          </div>
          {HOURS.map((h) => (
            <div
              key={h}
              className="pr-1 text-right text-[11px] text-slate-600 tabular-nums"
              style={{ height: HOUR_PX }}
            >
              {String(h).padStart(2, "0")}:00
            </div>
          ))}
        </div>
        {columns.map(({ day, allDay, timed }) => (
          <section
            key={day.key}
            aria-labelledby={`day-${day.key}`}
            className="min-w-0 border-r border-b border-slate-200"
          >
            <h3
              id={`day-${day.key}`}
              className={cn(
                "flex h-10 items-center justify-center gap-1 border-b border-slate-200 text-xs font-semibold",
                day.isToday ? "bg-blue-50 text-blue-900" : "text-slate-800",
              )}
            >
              <span aria-hidden="true">
                {day.weekday} {day.dayOfMonth}
              </span>
              <span className="sr-only">
                {day.label}
                {day.isToday ? ", today" : ""}
              </span>
            </h3>
            <ul
              aria-label={`${day.label}, all day`}
              className="space-y-0.5 border-b border-slate-200 p-1"
              style={{ height: allDayHeight }}
            >
              {allDay.map((item) => (
                <li key={item.key}>
                  <ItemChip item={item} ctx={ctx} timeLabel="all day" />
                </li>
              ))}
            </ul>
            <ol
              aria-label={`${day.label}, by time`}
              className="relative bg-[linear-gradient(to_bottom,rgb(241_245_249)_1px,transparent_1px)]"
              style={{ height: HOUR_PX * 24, backgroundSize: `100% ${HOUR_PX}px` }}
            >
              {isNowOn(ctx.now, day) ? (
                <li
                  aria-hidden="true"
                  className="pointer-events-none absolute inset-x-0 z-10 border-t-2 border-red-600"
                  style={{ top: `${nowOffset(ctx.now, day) * 100}%` }}
                  data-testid="now-line"
                >
                  <span className="absolute -top-1.5 -left-1 size-2.5 rounded-full bg-red-600" />
                </li>
              ) : null}
              {timed.map(({ item, offset, size, lane, lanes }) => (
                <li
                  key={item.key}
                  className="absolute px-px"
                  style={{
                    top: `${offset * 100}%`,
                    height: `${size * 100}%`,
                    left: `${(lane / lanes) * 100}%`,
                    width: `${100 / lanes}%`,
                  }}
                >
                  <ItemChip
                    item={item}
                    ctx={ctx}
                    timeLabel={clock(item, day, ctx.timeZone)}
                    className="h-full flex-wrap content-start items-start"
                    wrap
                  />
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
