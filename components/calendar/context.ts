import type { ReactNode } from "react";
import type { CalendarItem } from "@/lib/calendar/items";

/** What every calendar view needs besides its items. */
export interface CalendarContext {
  siteCode: string;
  timeZone: string;
  /** The instant the page was drawn, for the "now" line. */
  now: Date;
  /** Area code → name. */
  areaNames: Record<string, string>;
  /** Manager controls for a window or run inside its details dialog; null when the viewer may not act. */
  actionsFor?: (item: CalendarItem) => ReactNode;
}

export function areaLabel(ctx: CalendarContext, areas: readonly string[]): string {
  if (areas.length === 0) return "Whole site";
  return areas.map((code) => (ctx.areaNames[code] ? `${code} · ${ctx.areaNames[code]}` : code)).join(", ");
}
