import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import type { ChangeItem } from "@/lib/calendar/items";

/** Every conflict in view, in words: the calendar's highlight is never the only way to find them. */
export function ConflictList({ changes }: { changes: ChangeItem[] }) {
  const withConflicts = changes.filter((c) => c.conflicts.length > 0);
  return (
    <section aria-labelledby="conflicts-heading" className="rounded-lg border border-slate-200 bg-white">
      <h2
        id="conflicts-heading"
        className="flex items-center gap-1.5 border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-900"
      >
        <AlertTriangle className="size-4 text-red-700" aria-hidden="true" />
        Scheduling conflicts in view ({withConflicts.length})
      </h2>
      {withConflicts.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">
          No scheduled change in this period conflicts with windows, blackouts, production or other changes.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {withConflicts.map((c) => (
            <li key={c.key} className="px-4 py-2 text-sm">
              <Link href={`/changes/${c.changeId}`} className="font-medium">
                {c.number} {c.title}
              </Link>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800">
                {c.conflicts.map((x, i) => (
                  <li key={`${x.code}-${i}`}>
                    <span className="font-medium">{x.blocking ? "Blocking: " : "Warning: "}</span>
                    {x.message}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
