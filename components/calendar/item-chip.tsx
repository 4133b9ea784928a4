import Link from "next/link";
import type { CSSProperties } from "react";
import { AlertTriangle, Ban, Factory, FileText, Wrench } from "lucide-react";
import { cn } from "@/lib/cn";
import { formatLocalRange } from "@/lib/domain/schedule";
import type { CalendarItem } from "@/lib/calendar/items";
import type { CalendarContext } from "./context";
import { ItemDetails } from "./item-details";
import { ItemDialog } from "./item-dialog";
import { itemClasses, itemStyle, itemTitle, kindLabel } from "./item-style";

function Icon({ item }: { item: CalendarItem }) {
  const cls = "size-3 shrink-0";
  if (item.type === "change" && item.conflicts.length)
    return <AlertTriangle className={cn(cls, "text-red-700")} aria-hidden="true" />;
  if (item.type === "change") return <FileText className={cls} aria-hidden="true" />;
  if (item.type === "run")
    return item.kind === "turnaround" ? (
      <Wrench className={cls} aria-hidden="true" />
    ) : (
      <Factory className={cls} aria-hidden="true" />
    );
  return item.kind === "blackout" ? (
    <Ban className={cls} aria-hidden="true" />
  ) : (
    <Wrench className={cls} aria-hidden="true" />
  );
}

/**
 * One item as a link (changes open their page) or a button (windows and runs open a
 * dialog). The visible text is short; the accessible text adds kind, full range and zone.
 */
export function ItemChip({
  item,
  ctx,
  timeLabel,
  className,
  style,
  wrap,
}: {
  item: CalendarItem;
  ctx: CalendarContext;
  /** Tall chips (the week grid): the change's title wraps over several lines, its number only in the label. */
  wrap?: boolean;
  /** Short visible time ("01:00", "cont."); omitted when the position already shows it. */
  timeLabel?: string;
  className?: string;
  style?: CSSProperties;
}) {
  const range = formatLocalRange(item.start, item.end, ctx.timeZone);
  const conflictCount = item.type === "change" ? item.conflicts.length : 0;
  const body = (
    <>
      <Icon item={item} />
      {timeLabel ? <span className="shrink-0 tabular-nums">{timeLabel}</span> : null}{" "}
      {wrap ? (
        <span className="line-clamp-3 min-w-0 basis-full break-words">{item.title}</span>
      ) : (
        // A change reads by its title; its number (cut to "CHG-2026-000…" in a month cell) is in the label.
        <span className="truncate">{item.title}</span>
      )}
      {conflictCount ? (
        <>
          {" "}
          <span className="shrink-0 font-semibold text-red-800">Conflict</span>
        </>
      ) : null}
    </>
  );
  // Flex items would be read as separate blocks; one label starting with the visible text reads
  // as a sentence: "01:00 Sunday window, Maintenance window, Sun 14 Mar 2027 01:00–05:00 CDT".
  const label = [
    `${timeLabel ? `${timeLabel} ` : ""}${itemTitle(item)}${conflictCount ? " Conflict" : ""}`,
    kindLabel(item),
    range,
    ...(conflictCount ? [`${conflictCount} scheduling conflict${conflictCount > 1 ? "s" : ""}`] : []),
  ].join(", ");
  const classes = cn(
    "flex w-full min-w-0 items-center gap-1 overflow-hidden rounded border-l-4 border px-1 py-0.5 text-left text-xs leading-tight no-underline hover:no-underline hover:brightness-95",
    itemClasses(item),
    className,
  );
  const merged = { ...itemStyle(item), ...style };
  if (item.type === "change") {
    const tip = [label, ...item.conflicts.map((c) => c.message)].join("\n");
    return (
      <Link
        href={`/changes/${item.changeId}`}
        className={classes}
        style={merged}
        title={tip}
        aria-label={label}
      >
        {body}
      </Link>
    );
  }
  return (
    <ItemDialog
      title={itemTitle(item)}
      description={kindLabel(item)}
      trigger={body}
      triggerLabel={label}
      triggerTitle={label}
      triggerClassName={classes}
      triggerStyle={merged}
    >
      <ItemDetails item={item} ctx={ctx} />
    </ItemDialog>
  );
}
