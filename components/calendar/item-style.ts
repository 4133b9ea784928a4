// How each calendar item looks and reads. Colour is never the only signal: every item also
// carries a kind label (and an icon in the chip) so it reads the same in greyscale.
import type { CSSProperties } from "react";
import type { ChangeState, RunCriticality } from "@/lib/domain/constants";
import type { CalendarItem } from "@/lib/calendar/items";
import {
  CHANGE_STATE_FAMILY,
  CHANGE_STATE_LABELS,
  RUN_CRITICALITY_LABELS,
  RUN_KIND_LABELS,
  WINDOW_KIND_LABELS,
  type StateFamily,
} from "@/lib/domain/labels";

/** The badge families' colours (components/changes/badges.tsx), as chip borders and fills. */
const FAMILY_CLASSES: Record<StateFamily, string> = {
  preparing: "border-slate-400 bg-white text-slate-800 border-dashed",
  approval: "border-blue-600 bg-blue-50 text-blue-900",
  ready: "border-teal-600 bg-teal-50 text-teal-900",
  work: "border-purple-700 bg-purple-50 text-purple-950",
  // White inside, unlike the green maintenance windows behind them.
  done: "border-green-700 bg-white text-green-900",
  stopped: "border-red-600 bg-red-50 text-red-900",
  withdrawn: "border-slate-400 bg-slate-50 text-slate-700",
};
const CHANGE_CLASSES = Object.fromEntries(
  Object.entries(CHANGE_STATE_FAMILY).map(([state, family]) => [state, FAMILY_CLASSES[family]]),
) as Record<ChangeState, string>;

const RUN_CLASSES: Record<RunCriticality, string> = {
  critical: "border-orange-700 bg-orange-100 text-orange-950",
  normal: "border-sky-600 bg-sky-50 text-sky-950",
  low: "border-slate-400 bg-slate-50 text-slate-800",
};

/** Diagonal stripes mark a blackout even without colour vision. */
export const HATCH: CSSProperties = {
  backgroundImage: "repeating-linear-gradient(135deg, rgb(254 226 226) 0 6px, rgb(255 255 255) 6px 12px)",
};

export function itemClasses(item: CalendarItem): string {
  switch (item.type) {
    case "window":
      return item.kind === "blackout"
        ? "border-red-700 text-red-950 font-medium"
        : "border-green-700 bg-green-50 text-green-950";
    case "run":
      return item.kind === "turnaround"
        ? "border-green-700 border-dashed bg-green-50 text-green-950"
        : RUN_CLASSES[item.criticality];
    case "change":
      return CHANGE_CLASSES[item.state] + (item.conflicts.length ? " ring-2 ring-red-600 ring-offset-0" : "");
  }
}

export function itemStyle(item: CalendarItem): CSSProperties | undefined {
  return item.type === "window" && item.kind === "blackout" ? HATCH : undefined;
}

/** The short kind label shown before the title ("Blackout", "Critical run", "Approved"). */
export function kindLabel(item: CalendarItem): string {
  switch (item.type) {
    case "window":
      return WINDOW_KIND_LABELS[item.kind];
    case "run":
      return item.kind === "turnaround"
        ? "Turnaround (maintenance window)"
        : `${RUN_CRITICALITY_LABELS[item.criticality]} ${RUN_KIND_LABELS[item.kind].toLowerCase()}`;
    case "change":
      return `Change ${CHANGE_STATE_LABELS[item.state].toLowerCase()}`;
  }
}

export function itemTitle(item: CalendarItem): string {
  return item.type === "change" ? `${item.number} ${item.title}` : item.title;
}
