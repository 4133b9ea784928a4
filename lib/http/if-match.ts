import { ServiceError } from "@/lib/services/base/errors";

/**
 * If-Match as a version number: `"3"`, `W/"3"` or `3`. Absent or `*` means "any version", unless
 * the edit is `required` to name one (it could otherwise overwrite someone else's silently): then
 * it is a 428. `what` names the number in the message, e.g. "change's version".
 */
export function ifMatchVersion(header: string | null, what: string, options: { required: true }): number;
export function ifMatchVersion(header: string | null, what: string): number | undefined;
export function ifMatchVersion(
  header: string | null,
  what: string,
  options: { required?: boolean } = {},
): number | undefined {
  const h = header?.trim() ?? null;
  if (h === null || h === "*" || (options.required && h === "")) {
    if (!options.required) return undefined;
    throw new ServiceError(
      "precondition_required",
      `Send If-Match with the ${what} you read (for example If-Match: "3"), so that an edit never overwrites someone else's.`,
    );
  }
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(h);
  if (!m) throw new ServiceError("bad_request", `If-Match must be the ${what}, for example If-Match: "3".`);
  return Number(m[1]);
}

export const etag = (version: number) => `"${version}"`;
