// The audit page's filters live in its URL (bookmarkable, shareable with a colleague, no client
// state). Dates there are calendar days in the plant's zone; the service takes UTC instants.
import { zoneAbbreviation } from "@/lib/domain/site-time";
import { dayStartUtc } from "./display-time";

export const PAGE_FILTER_KEYS = [
  "site",
  "ref",
  "q",
  "objectType",
  "objectId",
  "actor",
  "action",
  "from",
  "to",
  "tz",
] as const;
export type PageFilters = Record<(typeof PAGE_FILTER_KEYS)[number], string>;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export function readPageFilters(sp: SearchParams): { filters: PageFilters; cursor: string } {
  const filters = Object.fromEntries(PAGE_FILTER_KEYS.map((k) => [k, first(sp[k])])) as PageFilters;
  return { filters, cursor: first(sp.cursor) };
}

/**
 * The one zone of the page's time column and date fields: the chosen site's; else the reader's
 * choice (`tz`: UTC or a site code); else the one zone all the reader's sites share, else UTC (an
 * auditor of a Texan and a German plant has no single "local" day). Never mixed in one column.
 */
export function filterZone(
  filters: PageFilters,
  sites: { code: string; timeZone: string }[],
  now = new Date(),
): { zone: string; label: string } {
  const chosen = sites.find((s) => s.code === filters.site.toUpperCase());
  const picked =
    filters.tz.toUpperCase() === "UTC"
      ? "UTC"
      : sites.find((s) => s.code === filters.tz.toUpperCase())?.timeZone;
  const zones = [...new Set(sites.map((s) => s.timeZone))];
  const zone = chosen?.timeZone ?? picked ?? (zones.length === 1 ? zones[0]! : "UTC");
  return { zone, label: zone === "UTC" ? "UTC" : `${zone} (${zoneAbbreviation(zone, now)})` };
}

/** The service query for the page's filters: whole local days, the "to" day included. */
export function queryInput(
  filters: PageFilters,
  zone: string,
): { input: Record<string, string>; errors: string[] } {
  const errors: string[] = [];
  const input: Record<string, string> = {};
  for (const k of ["site", "ref", "q", "objectType", "objectId", "actor", "action"] as const)
    if (filters[k]) input[k] = filters[k];
  if (filters.from) {
    const at = dayStartUtc(filters.from, zone);
    if (at) input.from = at;
    else errors.push("From is not a valid date.");
  }
  if (filters.to) {
    const at = dayStartUtc(filters.to, zone, 1);
    if (at) input.to = at;
    else errors.push("To is not a valid date.");
  }
  return { input, errors };
}

const query = (params: Record<string, string>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();

export function pageHref(filters: PageFilters, cursor?: string): string {
  const q = query({ ...filters, ...(cursor ? { cursor } : {}) });
  return q ? `/audit?${q}` : "/audit";
}

export function exportHref(format: "csv" | "json", input: Record<string, string>): string {
  return `/api/v1/audit/export?${query({ format, ...input })}`;
}

/** The trail filtered to one object: a change number, an asset tag or an id. */
export const trailHref = (ref: string): string => `/audit?${query({ ref })}`;
