import type { CalendarItem } from "@/lib/calendar/items";
import type { CalendarData } from "@/lib/services/schedule/calendar-data";

/** The service's calendar payload as the views' flat item list. */
export function itemsFromData(data: CalendarData): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const o of data.occurrences) {
    items.push({
      type: "window",
      key: `w:${o.windowId}:${o.recurrenceId}`,
      windowId: o.windowId,
      kind: o.kind,
      title: o.title,
      start: o.start,
      end: o.end,
      areas: o.areaCodes,
      recurrenceId: o.recurrenceId,
    });
  }
  for (const r of data.productionRuns) {
    items.push({
      type: "run",
      key: `r:${r.id}`,
      runId: r.id,
      kind: r.kind,
      criticality: r.criticality,
      title: r.title,
      start: r.start,
      end: r.end,
      areas: [r.areaCode],
      sequence: r.sequence,
    });
  }
  for (const c of data.changes) {
    items.push({
      type: "change",
      key: `c:${c.id}`,
      changeId: c.id,
      number: c.number,
      state: c.state,
      title: c.title,
      start: c.plannedStart,
      end: c.plannedEnd,
      areas: c.areaCodes,
      conflicts: c.conflicts.map((x) => ({ code: x.code, message: x.message, blocking: x.blocking })),
    });
  }
  return items;
}
