import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";

export interface BarItem {
  label: string;
  count: number;
  href: string;
  /** Tailwind fill class for the bar. */
  tone?: "blue" | "green" | "red" | "amber" | "slate";
}

const FILL = {
  blue: "fill-blue-600",
  green: "fill-emerald-600",
  red: "fill-red-600",
  amber: "fill-amber-500",
  slate: "fill-slate-500",
} as const;

const ROW = 22;
const LABEL_W = 170;
const BAR_W = 220;

/**
 * A horizontal bar chart as SVG (role="img" with its title and a description that reads the
 * values out), with the same numbers in a table behind it; each count links to its changes.
 */
export function BarChart({
  id,
  title,
  items,
  unit,
}: {
  id: string;
  title: string;
  items: BarItem[];
  unit: string;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">None in this period.</p>;
  const max = Math.max(1, ...items.map((i) => i.count));
  const height = items.length * ROW + 4;
  const desc = items.map((i) => `${i.label}: ${i.count}`).join("; ");
  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${LABEL_W + BAR_W + 40} ${height}`}
        className="w-full max-w-md"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {items.map((item, n) => {
          const y = n * ROW + 2;
          const w = Math.max(item.count > 0 ? 2 : 0, (item.count / max) * BAR_W);
          return (
            <g key={item.label} aria-hidden="true">
              <text x={LABEL_W - 6} y={y + 14} textAnchor="end" className="fill-slate-700 text-[11px]">
                {item.label.length > 28 ? `${item.label.slice(0, 27)}…` : item.label}
              </text>
              <rect
                x={LABEL_W}
                y={y + 3}
                width={w}
                height={ROW - 8}
                rx={2}
                className={FILL[item.tone ?? "blue"]}
              />
              <text x={LABEL_W + w + 6} y={y + 14} className="fill-slate-900 text-[11px] font-semibold">
                {item.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
      <Table caption={`${title} (table)`}>
        <thead>
          <tr>
            <Th>{title}</Th>
            <Th className="text-right">{unit}</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.label}>
              <Td>{item.label}</Td>
              <Td className="text-right tabular-nums">
                <Link href={item.href} aria-label={`${item.count} ${unit}: ${item.label}, list the changes`}>
                  {item.count}
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
