export type Search = Record<string, string | string[] | undefined>;

export const FILTER_KEYS = [
  "q",
  "site",
  "area",
  "kind",
  "criticality",
  "safetyRelated",
  "gxp",
  "exposure",
] as const;

export function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
}

/** The list's query string with some keys replaced; the cursor is dropped unless given. */
export function listParams(sp: Search, patch: Record<string, string | null> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of [...FILTER_KEYS, "sort", "dir"]) {
    const v = one(sp[k]);
    if (v) params.set(k, v);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === "") params.delete(k);
    else params.set(k, v);
  }
  return params;
}

export function listHref(sp: Search, patch: Record<string, string | null> = {}): string {
  const s = listParams(sp, patch).toString();
  return s ? `/assets?${s}` : "/assets";
}
