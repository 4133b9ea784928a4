// The calendar's URL is its state: /calendar?site=GCR&view=week&date=2027-03-14&area=CDU&state=approved.
// Filters may repeat or be comma-separated; unknown values are dropped rather than failing the page.
import { CHANGE_STATES, type ChangeState } from "@/lib/domain/constants";
import { parseView, type CalendarView } from "./range";

/** Drafts, rejected and cancelled changes hold no slot, so the calendar never shows them. */
export const CALENDAR_STATES: readonly ChangeState[] = CHANGE_STATES.filter(
  (s) => s !== "draft" && s !== "rejected" && s !== "cancelled",
);

export interface CalendarQuery {
  site: string | null;
  view: CalendarView;
  date: string | undefined;
  areas: string[];
  states: ChangeState[];
}

type Raw = Record<string, string | string[] | undefined>;

function values(raw: Raw, key: string): string[] {
  const v = raw[key];
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return [
    ...new Set(
      list
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);
}

export function parseCalendarQuery(raw: Raw): CalendarQuery {
  const site = values(raw, "site")[0]?.toUpperCase().slice(0, 32) ?? null;
  const date = values(raw, "date")[0];
  return {
    site,
    view: parseView(values(raw, "view")[0]),
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    areas: values(raw, "area").map((a) => a.toUpperCase().slice(0, 32)),
    states: values(raw, "state").filter((s): s is ChangeState =>
      (CHANGE_STATES as readonly string[]).includes(s),
    ),
  };
}

export function calendarHref(q: CalendarQuery, patch: Partial<CalendarQuery> = {}): string {
  const next = { ...q, ...patch };
  const p = new URLSearchParams();
  if (next.site) p.set("site", next.site);
  p.set("view", next.view);
  if (next.date) p.set("date", next.date);
  for (const a of next.areas) p.append("area", a);
  for (const s of next.states) p.append("state", s);
  return `/calendar?${p.toString()}`;
}
