import { DateTime } from "luxon";
import { cn } from "@/lib/cn";
import { formatLocal } from "@/lib/domain/schedule";
import { placeOnTrack, type CalendarItem } from "@/lib/calendar/items";
import type { ViewRange } from "@/lib/calendar/range";
import type { CalendarContext } from "./context";
import { ItemChip } from "./item-chip";

const LANE_PX = 26;
const HOUR_MS = 3_600_000;

export interface TimelineRow {
  id: string;
  label: string;
  items: CalendarItem[];
}

/** Rows: the whole site first (site-wide windows and blackouts), then one per area. */
export function timelineRows(
  items: readonly CalendarItem[],
  areas: readonly { code: string; name: string }[],
): TimelineRow[] {
  return [
    { id: "site", label: "Whole site", items: items.filter((i) => i.areas.length === 0) },
    ...areas.map((a) => ({
      id: a.code,
      label: `${a.code} · ${a.name}`,
      items: items.filter((i) => i.areas.includes(a.code)),
    })),
  ];
}

/** The day columns show the date, so a bar shows its start time, or its start date when that lies before the view. */
function barLabel(item: CalendarItem, range: ViewRange, tz: string): string {
  if (item.start.getTime() >= range.from.getTime()) return formatLocal(item.start, tz, "time").split(" ")[0]!;
  return `from ${DateTime.fromJSDate(item.start, { zone: tz }).toFormat("d LLL", { locale: "en-GB" })}`;
}

export function Timeline({
  range,
  rows,
  ctx,
}: {
  range: ViewRange;
  rows: TimelineRow[];
  ctx: CalendarContext;
}) {
  const from = range.from.getTime();
  const total = range.to.getTime() - from;
  const pct = (d: Date) => `${((d.getTime() - from) / total) * 100}%`;
  const nowInView = ctx.now.getTime() >= from && ctx.now.getTime() < range.to.getTime();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <div className="min-w-[46rem]">
        <div className="grid grid-cols-[11rem_1fr] border-b border-slate-200 bg-slate-50" aria-hidden="true">
          <div className="px-2 py-1.5 text-xs font-semibold text-slate-700">Area</div>
          <div className="relative h-8">
            {range.days.map((d) => (
              <div
                key={d.key}
                className={cn(
                  "absolute top-0 h-full border-l border-slate-200 px-1 py-1.5 text-xs font-semibold",
                  d.isToday ? "text-blue-800" : "text-slate-700",
                )}
                style={{
                  left: pct(d.start),
                  width: `${((d.end.getTime() - d.start.getTime()) / total) * 100}%`,
                }}
              >
                {d.weekday} {d.dayOfMonth}
              </div>
            ))}
          </div>
        </div>
        {rows.map((row) => {
          // Bars as long as the item lasts; an hour at least, so a short one can still be clicked.
          const placed = placeOnTrack(row.items, range.from, range.to, HOUR_MS / total);
          const lanes = placed[0]?.lanes ?? 1;
          return (
            <section
              key={row.id}
              aria-labelledby={`row-${row.id}`}
              className="grid grid-cols-[11rem_1fr] border-b border-slate-100 last:border-b-0"
            >
              <h3
                id={`row-${row.id}`}
                className="line-clamp-2 px-2 py-1.5 text-xs font-medium text-slate-800"
                title={row.label}
              >
                {row.label}
              </h3>
              <div className="relative" style={{ height: lanes * LANE_PX + 6 }}>
                {range.days.map((d) => (
                  <div
                    key={d.key}
                    aria-hidden="true"
                    className={cn(
                      "absolute top-0 h-full border-l border-slate-100",
                      d.isToday && "bg-blue-50/50",
                    )}
                    style={{
                      left: pct(d.start),
                      width: `${((d.end.getTime() - d.start.getTime()) / total) * 100}%`,
                    }}
                  />
                ))}
                {nowInView ? (
                  <div
                    aria-hidden="true"
                    className="pointer-events-none absolute top-0 h-full border-l-2 border-red-600"
                    style={{ left: pct(ctx.now) }}
                    data-testid="now-line"
                  />
                ) : null}
                {placed.length ? (
                  <ol aria-label={`${row.label} schedule`}>
                    {placed.map(({ item, offset, size, lane }) => (
                      <li
                        key={item.key}
                        className="absolute px-px"
                        style={{
                          left: `${offset * 100}%`,
                          width: `${size * 100}%`,
                          top: 3 + lane * LANE_PX,
                          height: LANE_PX - 2,
                        }}
                      >
                        <ItemChip
                          item={item}
                          ctx={ctx}
                          timeLabel={barLabel(item, range, ctx.timeZone)}
                          className="h-full"
                        />
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="px-2 py-1.5 text-xs text-slate-600">Nothing scheduled</p>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
