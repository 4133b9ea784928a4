import { Columns3 } from "lucide-react";

/**
 * A GET form that keeps the list's filters and sort and sets `cols`: the table stays
 * server-rendered, and the choice travels with the link.
 */
export function ColumnChooser({
  columns,
  chosen,
  keep,
}: {
  columns: Record<string, string>;
  chosen: ReadonlySet<string>;
  /** The query parameters to carry over (filters, sort), without cols and cursor. */
  keep: [string, string][];
}) {
  return (
    <details className="relative print:hidden">
      <summary className="inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-100">
        <Columns3 className="size-4" aria-hidden="true" />
        Columns
      </summary>
      <form
        method="get"
        action="/changes"
        className="absolute right-0 z-30 mt-1 w-56 space-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
      >
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-700">Show these columns</legend>
          {keep.map(([k, v]) => (
            <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
          ))}
          {/* An empty value so that unticking every box still counts as a choice. */}
          <input type="hidden" name="cols" value="" />
          {Object.entries(columns).map(([key, label]) => (
            <label key={key} className="flex items-center gap-2 py-0.5">
              <input type="checkbox" name="cols" value={key} defaultChecked={chosen.has(key)} />
              {label}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="mt-1 h-7 rounded-md border border-blue-800 bg-blue-700 px-2.5 text-xs font-medium text-white hover:bg-blue-800"
        >
          Apply
        </button>
      </form>
    </details>
  );
}
