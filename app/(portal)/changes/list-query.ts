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
  for (const k of [...FILTER_KEYS, "sort", "dir"]) {
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
