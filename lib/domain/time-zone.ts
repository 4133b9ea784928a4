/** True for a canonical IANA zone name this runtime knows ("America/Chicago"), false for offsets and junk. */
export function isIanaTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(tz) || tz.length > 64) return false;
  if (tz === "UTC" || tz === "Etc/UTC") return true;
  if (!tz.includes("/")) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
