// Defensive accessors for a parsed JSON document: the validator has run, but a rule here must
// never throw on a field that is missing or of the wrong type.

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export const obj = (v: unknown): Json => (isObject(v) ? v : {});

export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

export const strs = (v: unknown): string[] =>
  arr(v)
    .map((x) => str(x))
    .filter((x): x is string => x !== null);

/** An ISO 8601 instant as UTC (`2023-01-12T07:00:00.000Z`), or null when not a date. */
export function isoDate(v: unknown): string | null {
  const s = str(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
