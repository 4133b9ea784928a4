import Link from "next/link";
import { formatUtc } from "@/lib/domain/site-time";
import { formatLocalRange } from "@/lib/domain/schedule";
import type { CalendarItem } from "@/lib/calendar/items";
import { areaLabel, type CalendarContext } from "./context";
import { kindLabel } from "./item-style";
import { RUN_CRITICALITY_LABELS, RUN_KIND_LABELS } from "@/lib/domain/labels";

function utcRange(start: Date, end: Date): string {
  return `${formatUtc(start)} – ${formatUtc(end)}`;
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1">
      <dt className="text-slate-600">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The body of a window's or run's details dialog. */
export function ItemDetails({ item, ctx }: { item: CalendarItem; ctx: CalendarContext }) {
  const actions = ctx.actionsFor?.(item) ?? null;
  return (
    <div className="space-y-4 text-sm">
      <dl className="divide-y divide-slate-100">
        <Row term="Kind">{kindLabel(item)}</Row>
        <Row term="When">
          {formatLocalRange(item.start, item.end, ctx.timeZone)}
          <span className="block text-xs text-slate-600">{utcRange(item.start, item.end)}</span>
        </Row>
        <Row term="Areas">{areaLabel(ctx, item.areas)}</Row>
        {item.type === "run" ? (
          <>
            <Row term="Type">{RUN_KIND_LABELS[item.kind]}</Row>
            <Row term="Criticality">{RUN_CRITICALITY_LABELS[item.criticality]}</Row>
          </>
        ) : null}
      </dl>
      {item.type === "window" ? (
        <p>
          <Link href={`/schedule/windows/${item.windowId}`}>Schedule and all occurrences of this window</Link>
        </p>
      ) : null}
      {actions}
    </div>
  );
}
