import { CHANGE_CLASSES, type ChangeClass } from "@/lib/domain/constants";
import type { WeekFigures } from "@/lib/domain/dashboard/trends";
import { CHANGE_CLASS_LABELS } from "@/lib/domain/labels";
import { ChartTable } from "./chart-table";

const CLASS_FILL: Record<ChangeClass, string> = {
  standard: "fill-emerald-600",
  normal: "fill-blue-600",
  emergency: "fill-red-600",
};
const CLASS_SWATCH: Record<ChangeClass, string> = {
  standard: "bg-emerald-600",
  normal: "bg-blue-600",
  emergency: "bg-red-600",
};

// Drawn near the size it is shown at (a third of the card at 1280 px, capped when the charts stack
// at 820 px), so that its 10 px labels stay 9-12 px on screen.
const W = 360;
const H = 130;
const PAD = { left: 28, right: 16, top: 10, bottom: 22 };
const SVG_CLASS = "w-full max-w-[440px]";

const INNER_H = H - PAD.top - PAD.bottom;

/** The value axis: zero and the maximum, and the baseline. */
function ValueAxis({ max }: { max: number }) {
  return (
    <>
      {[0, max].map((v) => (
        <text
          key={v}
          x={PAD.left - 4}
          y={PAD.top + INNER_H - (v / max) * INNER_H + 3}
          textAnchor="end"
          className="fill-slate-600 text-[10px]"
        >
          {Math.round(v * 10) / 10}
        </text>
      ))}
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={PAD.top + INNER_H}
        y2={PAD.top + INNER_H}
        className="stroke-slate-300"
      />
    </>
  );
}

const weekLabel = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Changes started per week, stacked by class. */
export function StartedPerWeekChart({ weeks }: { weeks: WeekFigures[] }) {
  const totals = weeks.map((w) => CHANGE_CLASSES.reduce((n, c) => n + w.started[c], 0));
  const max = Math.max(1, ...totals);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, weeks.length);
  const desc = weeks
    .map(
      (w, i) =>
        `Week of ${weekLabel(w.weekStart)}: ${totals[i]} (${CHANGE_CLASSES.map((c) => `${w.started[c]} ${CHANGE_CLASS_LABELS[c].toLowerCase()}`).join(", ")})`,
    )
    .join("; ");
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="started-title started-desc"
        className={SVG_CLASS}
      >
        <title id="started-title">{`Changes started per week by class, last ${weeks.length} weeks`}</title>
        <desc id="started-desc">{desc}</desc>
        <g aria-hidden="true">
          <ValueAxis max={max} />
          {weeks.map((w, i) => {
            let y = PAD.top + innerH;
            const x = PAD.left + i * slot + slot * 0.2;
            return (
              <g key={w.weekStart}>
                {CHANGE_CLASSES.map((c) => {
                  const h = (w.started[c] / max) * innerH;
                  y -= h;
                  return h > 0 ? (
                    <rect key={c} x={x} y={y} width={slot * 0.6} height={h} className={CLASS_FILL[c]} />
                  ) : null;
                })}
                {i % 2 === weeks.length % 2 ? null : (
                  <text
                    x={x + slot * 0.3}
                    y={H - 6}
                    textAnchor="middle"
                    className="fill-slate-600 text-[10px]"
                  >
                    {weekLabel(w.weekStart)}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="mt-1 flex gap-3 text-xs text-slate-700">
        {CHANGE_CLASSES.map((c) => (
          <span key={c} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block size-2 rounded-sm ${CLASS_SWATCH[c]}`} />
            {CHANGE_CLASS_LABELS[c]}
          </span>
        ))}
      </figcaption>
      <ChartTable
        caption="Changes started per week by class"
        head={["Week of", ...CHANGE_CLASSES.map((c) => CHANGE_CLASS_LABELS[c]), "Total"]}
        rows={weeks.map((w, i) => [
          weekLabel(w.weekStart),
          ...CHANGE_CLASSES.map((c) => w.started[c]),
          totals[i]!,
        ])}
      />
    </figure>
  );
}

/** Median days from submission to start of the changes started each week. */
export function LeadTimeChart({ weeks }: { weeks: WeekFigures[] }) {
  const values = weeks.map((w) => w.medianLeadDays);
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, weeks.length - 1);
  const pts = values
    .map((v, i) =>
      v === null ? null : { x: PAD.left + i * step, y: PAD.top + innerH - (v / max) * innerH, v, i },
    )
    .filter((p): p is { x: number; y: number; v: number; i: number } => p !== null);
  const desc = weeks
    .map(
      (w) =>
        `Week of ${weekLabel(w.weekStart)}: ${w.medianLeadDays === null ? "no starts" : `${w.medianLeadDays} days`}`,
    )
    .join("; ");
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="lead-title lead-desc" className={SVG_CLASS}>
        <title id="lead-title">Lead time from submission to start, median per week, in days</title>
        <desc id="lead-desc">{desc}</desc>
        <g aria-hidden="true">
          <ValueAxis max={max} />
          <polyline
            points={pts.map((p) => `${p.x},${p.y}`).join(" ")}
            className="fill-none stroke-blue-600"
            strokeWidth={2}
          />
          {pts.map((p) => (
            <circle key={p.i} cx={p.x} cy={p.y} r={3} className="fill-blue-600" />
          ))}
          {weeks.map((w, i) =>
            i % 2 === weeks.length % 2 ? null : (
              <text
                key={w.weekStart}
                x={PAD.left + i * step}
                y={H - 6}
                textAnchor="middle"
                className="fill-slate-600 text-[10px]"
              >
                {weekLabel(w.weekStart)}
              </text>
            ),
          )}
        </g>
      </svg>
      <ChartTable
        caption="Lead time from submission to start, median per week"
        head={["Week of", "Median days"]}
        rows={weeks.map((w) => [weekLabel(w.weekStart), w.medianLeadDays ?? "—"])}
      />
    </figure>
  );
}
