import { formatUtc } from "@/lib/domain/site-time";
import { formatLocalRange } from "@/lib/domain/schedule";
import type { FormResult } from "@/lib/schemas/form-result";
import { ConfirmAction } from "./confirm-action";

interface OccurrenceItem {
  start: Date;
  end: Date;
  recurrenceId: string;
}

/** Occurrences in site time (UTC beside them); managers may cancel any one of them. */
export function OccurrenceList({
  items,
  timeZone,
  title,
  cancel,
}: {
  items: OccurrenceItem[];
  timeZone: string;
  title: string;
  /** Bound server action taking the occurrence's UTC start (ISO); absent for viewers. */
  cancel?: (occurrenceStart: string) => Promise<FormResult<{ id: string }>>;
}) {
  if (items.length === 0)
    return <p className="p-4 text-sm text-slate-600">No occurrences from this date on.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label={`Occurrences of ${title}`}>
      {items.map((o) => {
        const label = formatLocalRange(o.start, o.end, timeZone);
        return (
          <li key={o.recurrenceId} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
            <div>
              <p className="text-slate-900" title={`${formatUtc(o.start)} – ${formatUtc(o.end)}`}>
                {label}
              </p>
            </div>
            {cancel ? (
              <ConfirmAction
                label="Cancel"
                srLabel={`Cancel the occurrence ${label}`}
                title="Cancel this occurrence?"
                description={`${title}, ${label}. Only this occurrence is removed; the series continues.`}
                confirmLabel="Cancel occurrence"
                variant="danger"
                run={cancel.bind(null, o.start.toISOString())}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
