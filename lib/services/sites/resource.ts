import type { SiteView } from "@/lib/types/sites";

/** A site as the API contract names it: codes, not internal ids. */
export function siteJson(s: Pick<SiteView, "code" | "name" | "timeZone"> & { areas?: SiteView["areas"] }) {
  return {
    code: s.code,
    name: s.name,
    timeZone: s.timeZone,
    areas: (s.areas ?? []).map((a) => ({ code: a.code, name: a.name })),
  };
}
