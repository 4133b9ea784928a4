/** The numbers behind a chart, one click away and always in the page for screen readers and print. */
export function ChartTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs text-slate-700">Show the numbers as a table</summary>
      <table className="mt-2 w-full border-collapse text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-slate-700">
            {head.map((h, i) => (
              <th key={h} scope="col" className={`px-2 py-1 font-semibold ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])} className="border-t border-slate-100">
              {r.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-1 text-left font-normal text-slate-800">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-2 py-1 text-right tabular-nums text-slate-900">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
