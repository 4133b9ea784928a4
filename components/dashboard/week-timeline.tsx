import Link from "next/link";
import { SiteTime } from "@/components/changes/site-time";
import type { TimelineItem } from "@/lib/types/dashboard";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";

const LANES: { kind: TimelineItem["kind"]; label: string; fill: string }[] = [
  { kind: "maintenance", label: "Maintenance windows", fill: "fill-emerald-500" },
  { kind: "blackout", label: "Blackouts", fill: "fill-slate-700" },
  { kind: "run", label: "Production runs", fill: "fill-amber-500" },
  { kind: "change", label: "Changes", fill: "fill-blue-600" },
];
// Drawn near the width it is shown at (the card's width at 1280 px) so that the 12 px labels read
// as the page's small text there and no smaller than 9 px at 820 px.
const W = 960;
const LABEL = 150;
const ROW = 18;

function kindWords(i: TimelineItem): string {
  if (i.kind === "change") return `Change, ${i.state ? CHANGE_STATE_LABELS[i.state].toLowerCase() : ""}`;
  if (i.kind === "run") return `Production ${i.runKind ?? "run"}${i.critical ? ", critical" : ""}`;
  return i.kind === "blackout" ? "Blackout" : "Maintenance window";
}

/**
 * The week ahead at one site as bars on a time axis, one lane per kind (a lane grows a row per
 * overlapping item), with every item listed below it with its times in the site's zone.
 */
export function WeekTimeline({
  siteCode,
  timeZone,
  from,
  to,
  days,
  items,
}: {
  siteCode: string;
  timeZone: string;
  from: string;
  to: string;
  days: { at: string; label: string }[];
  items: TimelineItem[];
}) {
  const t0 = new Date(from).getTime();
  const t1 = new Date(to).getTime();
  const x = (iso: string) =>
    LABEL + ((Math.min(Math.max(new Date(iso).getTime(), t0), t1) - t0) / (t1 - t0)) * (W - LABEL - 4);
  const lanes = LANES.map((lane) => {
    const rows: TimelineItem[][] = [];
    for (const item of items
      .filter((i) => i.kind === lane.kind)
      .sort((a, b) => a.start.localeCompare(b.start))) {
      const row = rows.find((r) => r.at(-1)!.end <= item.start);
      if (row) row.push(item);
      else rows.push([item]);
    }
    return { ...lane, rows: rows.length ? rows : [[]] };
  });
  let y = 20;
  const placed = lanes.map((lane) => {
    const top = y;
    y += lane.rows.length * ROW + 6;
    return { ...lane, top };
  });
  const sorted = [...items].sort((a, b) => a.start.localeCompare(b.start));
  const titleId = `week-${siteCode}`;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${y + 2}`}
        role="img"
        aria-labelledby={`${titleId}-t ${titleId}-d`}
        className="w-full"
      >
        <title id={`${titleId}-t`}>{`Week ahead at ${siteCode}`}</title>
        <desc id={`${titleId}-d`}>
          {`${LANES.map((l) => `${l.label}: ${items.filter((i) => i.kind === l.kind).length}`).join("; ")}. Each item is listed in the table below.`}
        </desc>
        <g aria-hidden="true">
          {days.map((d) => (
            <g key={d.at}>
              <line x1={x(d.at)} x2={x(d.at)} y1={14} y2={y} className="stroke-slate-200" />
              {/* A day that starts at the right edge has no room for its name. */}
              {x(d.at) + 40 <= W ? (
                <text x={x(d.at) + 3} y={12} className="fill-slate-600 text-[12px]">
                  {d.label}
                </text>
              ) : null}
            </g>
          ))}
          {placed.map((lane) => (
            <g key={lane.kind}>
              <text x={0} y={lane.top + 13} className="fill-slate-700 text-[12px]">
                {lane.label}
              </text>
              {lane.rows.map((row, r) =>
                row.map((item) => (
                  <rect
                    key={`${item.title}-${item.start}`}
                    x={x(item.start)}
                    y={lane.top + r * ROW + 2}
                    width={Math.max(2, x(item.end) - x(item.start))}
                    height={ROW - 4}
                    rx={2}
                    className={`${lane.fill} ${item.conflict ? "stroke-red-600" : ""}`}
                    strokeWidth={item.conflict ? 2 : 0}
                  />
                )),
              )}
            </g>
          ))}
        </g>
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-xs text-slate-700">
          List the {items.length} items of the week
        </summary>
        <table className="mt-2 w-full border-collapse text-xs">
          <caption className="sr-only">Week ahead at {siteCode}</caption>
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col" className="px-2 py-1 font-semibold">
                What
              </th>
              <th scope="col" className="px-2 py-1 font-semibold">
                Kind
              </th>
              <th scope="col" className="px-2 py-1 font-semibold">
                From
              </th>
              <th scope="col" className="px-2 py-1 font-semibold">
                To
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((i) => (
              <tr key={`${i.kind}-${i.title}-${i.start}`} className="border-t border-slate-100">
                <td className="px-2 py-1">
                  {i.href ? <Link href={i.href}>{i.title}</Link> : i.title}
                  {i.conflict ? <span className="ml-1 font-semibold text-red-700">(conflict)</span> : null}
                </td>
                <td className="px-2 py-1 text-slate-700">{kindWords(i)}</td>
                <td className="px-2 py-1 whitespace-nowrap">
                  <SiteTime at={i.start} zone={timeZone} />
                </td>
                <td className="px-2 py-1 whitespace-nowrap">
                  <SiteTime at={i.end} zone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
