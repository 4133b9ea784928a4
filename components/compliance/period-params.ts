import type { PeriodParams } from "./figure-href";

const DAY_MS = 86_400_000;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The page's period from its query string; without one, the last 90 UTC days up to today. */
export function readPeriodParams(
  sp: Record<string, string | string[] | undefined>,
  now = new Date(),
): PeriodParams {
  const today = now.toISOString().slice(0, 10);
  const from = one(sp.from) || new Date(now.getTime() - 89 * DAY_MS).toISOString().slice(0, 10);
  return { site: one(sp.site).toUpperCase(), from, to: one(sp.to) || today };
}
