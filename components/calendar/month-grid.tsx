import Link from "next/link";
import { cn } from "@/lib/cn";
import { formatLocal } from "@/lib/domain/schedule";
import { itemsOnDay, type CalendarItem } from "@/lib/calendar/items";
import { weeksOf, type CalendarDay, type ViewRange } from "@/lib/calendar/range";
import type { CalendarContext } from "./context";
import { ItemChip } from "./item-chip";

const MAX_PER_DAY = 4;
const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

function timeLabel(item: CalendarItem, day: CalendarDay, tz: string): string {
  if (item.start.getTime() < day.start.getTime()) return "cont.";
  return formatLocal(item.start, tz, "time").split(" ")[0]!;
}

function DayCell({
  day,
  items,
  ctx,
  weekHref,
}: {
  day: CalendarDay;
  items: CalendarItem[];
  ctx: CalendarContext;
  weekHref: string;
}) {
  const shown = items.slice(0, MAX_PER_DAY);
  const hidden = items.length - shown.length;
  const blackout = items.some((i) => i.type === "window" && i.kind === "blackout");
  return (
    <td
      className={cn(
        "h-28 w-[14.28%] border border-slate-200 p-1 align-top",
        day.inFocus ? "bg-white" : "bg-slate-50",
        blackout && "bg-red-50/60",
      )}
    >
      <div className="mb-1 flex items-center justify-between">
        <span
          className={cn(
            "inline-flex size-6 items-center justify-center rounded-full text-xs",
            day.isToday
              ? "bg-blue-700 font-semibold text-white"
              : day.inFocus
                ? "text-slate-800"
                : "text-slate-600",
          )}
        >
          <span aria-hidden="true">{day.dayOfMonth}</span>
          <span className="sr-only">
            {day.label}
            {day.isToday ? ", today" : ""}
            {items.length ? `, ${items.length} item${items.length > 1 ? "s" : ""}` : ", nothing scheduled"}
          </span>
        </span>
      </div>
      {shown.length ? (
        <ul className="space-y-0.5" aria-label={`${day.label} schedule`}>
          {shown.map((item) => (
            <li key={item.key}>
              <ItemChip item={item} ctx={ctx} timeLabel={timeLabel(item, day, ctx.timeZone)} />
            </li>
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? (
        <Link href={weekHref} className="mt-0.5 block text-xs">
          {hidden} more<span className="sr-only"> on {day.label}, show the week</span>
        </Link>
      ) : null}
    </td>
  );
}

export function MonthGrid({
  range,
  items,
  ctx,
  weekHref,
  caption,
}: {
  range: ViewRange;
  items: CalendarItem[];
  ctx: CalendarContext;
  weekHref: (date: string) => string;
  caption: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] table-fixed border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th
                key={short}
                scope="col"
                className="border border-slate-200 bg-slate-50 px-2 py-1.5 text-left text-xs font-semibold text-slate-700"
              >
                <abbr title={long} className="no-underline">
                  {short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(range.days).map((week) => (
            <tr key={week[0]!.key}>
              {week.map((day) => (
                <DayCell
                  key={day.key}
                  day={day}
                  items={itemsOnDay(items, day)}
                  ctx={ctx}
                  weekHref={weekHref(day.key)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
