import { ServiceError } from "@/lib/services/base/errors";

/** If-Match as a version number: `"3"`, `W/"3"` or `3`; absent or `*` means "any version". */
export function ifMatchVersion(header: string | null, what: string): number | undefined {
  if (header === null || header.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new ServiceError("bad_request", `If-Match must be the ${what}, for example If-Match: "3".`);
  return Number(m[1]);
}

export const etag = (version: number) => `"${version}"`;
