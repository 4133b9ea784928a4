import { DateTime } from "luxon";

export type Search = Record<string, string | string[] | undefined>;

export const FILTER_KEYS = [
  "site",
  "state",
  "type",
  "class",
  "risk",
  "requester",
  "from",
  "to",
  "q",
] as const;

export function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
}

/** A date from the filter form, read as a day in the zone, as a UTC instant; "" when blank or not a date. */
export function dayStart(date: string, zone: string, plusDays = 0): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return "";
  const d = DateTime.fromISO(date, { zone });
  return d.isValid ? (d.plus({ days: plusDays }).toUTC().toISO({ suppressMilliseconds: true }) ?? "") : "";
}

/** The query string of the list with some keys replaced; the cursor is dropped unless given. */
export function listHref(sp: Search, patch: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const k of [...FILTER_KEYS, "sort", "dir", "cols"]) {
    const v = one(sp[k]);
    if (v) params.set(k, v);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === "") params.delete(k);
    else params.set(k, v);
  }
  const s = params.toString();
  return s ? `/changes?${s}` : "/changes";
}

/** Columns people may add to the change list; the rest are always shown. */
export const OPTIONAL_COLUMNS = {
  class: "Class",
  requester: "Requester",
  created: "Created",
  updated: "Updated",
} as const;
export type OptionalColumn = keyof typeof OPTIONAL_COLUMNS;
/** Shown until the reader chooses: enough to fit 1280 px without sideways scrolling. */
const DEFAULT_COLUMNS: OptionalColumn[] = ["requester"];

/** The optional columns chosen in `cols` ("requester,created"); the default when absent. */
export function chosenColumns(sp: Search): Set<OptionalColumn> {
  const raw = sp.cols;
  if (raw === undefined) return new Set(DEFAULT_COLUMNS);
  const picked = (Array.isArray(raw) ? raw : raw.split(",")).map((c) => c.trim());
  return new Set(picked.filter((c): c is OptionalColumn => c in OPTIONAL_COLUMNS));
}
