import type { CsvCellError } from "@/lib/csv/read";
import { Table, Td, Th } from "./table";

// The parts of a CSV import's dry-run report that every import page shows alike.

/** The live region that says what the import is doing, with a progress bar while it works. */
export function ImportStatus({ busy, status, failed }: { busy: boolean; status: string; failed: boolean }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2 text-sm">
      {busy ? <progress className="h-2 w-64" aria-label={status} /> : null}
      {status ? <p className={failed ? "font-medium text-red-800" : "text-slate-800"}>{status}</p> : null}
    </div>
  );
}

/** Every problem of the file by line and column, as the dry run found them; nothing when there are none. */
export function ImportProblems({ problems }: { problems: readonly CsvCellError[] }) {
  if (!problems.length) return null;
  return (
    <Table caption="Problems in the file, by line and column">
      <thead>
        <tr>
          <Th>Line</Th>
          <Th>Column</Th>
          <Th>Problem</Th>
        </tr>
      </thead>
      <tbody>
        {problems.map((e, i) => (
          <tr key={`${e.line}-${e.column}-${i}`}>
            <Td className="tabular-nums">{e.line}</Td>
            <Td className="font-mono text-xs">{e.column || "—"}</Td>
            <Td>{e.message}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
