// Edit events store only the fields that changed (diffFields), create events only `after`, removals
// only `before`; one table of field | before | after reads the same for all of them.

export interface FieldDiffRow {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function show(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function fieldDiff(before: unknown, after: unknown): FieldDiffRow[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return fields.map((field) => {
      const row = { field, before: show(b[field]), after: show(a[field]) };
      return { ...row, changed: row.before !== row.after };
    });
  }
  const row = { field: "(value)", before: show(before), after: show(after) };
  return [{ ...row, changed: row.before !== row.after }];
}
