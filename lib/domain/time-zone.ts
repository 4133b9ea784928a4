// The one test of a time-zone name: sites are created with it, and the schedule refuses to
// compute in a zone it does not pass, so what was stored is always what can be computed with.

const FORM = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/;
const validity = new Map<string, boolean>();

function check(tz: string): boolean {
  if (!FORM.test(tz)) return false;
  if (tz !== "UTC" && tz !== "Etc/UTC" && !tz.includes("/")) return false;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
    // Intl accepts "america/chicago"; a stored zone is spelled canonically (links such as
    // Asia/Calcutta → Asia/Kolkata are a different name, not a different case, and stay valid).
    return resolved === tz || resolved.toLowerCase() !== tz.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * True for a canonically spelt IANA zone name this runtime knows ("America/Chicago", "UTC");
 * false for offsets ("+02:00"), abbreviations ("CST"), another case ("america/chicago") and junk.
 */
export function isIanaTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  const known = validity.get(tz);
  if (known !== undefined) return known;
  const valid = check(tz);
  // The set of zone names is small and fixed for the life of the process; junk is not kept.
  if (validity.size < 1000) validity.set(tz, valid);
  return valid;
}
