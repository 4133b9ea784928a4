import Link from "next/link";
import type { ReactNode } from "react";
import { ConfirmAction } from "@/components/schedule/confirm-action";
import { RunDialog } from "@/components/schedule/run-dialog";
import { formatLocalRange, toLocalIso } from "@/lib/domain/schedule";
import type { CalendarItem } from "@/lib/calendar/items";
import { cancelOccurrenceAction, deleteRunAction, updateRunAction } from "../schedule/actions";

/**
 * The controls a window's or run's dialog offers, by permission: change managers manage
 * windows, operations and change managers manage the production schedule.
 */
export function managerActions(opts: {
  canWindows: boolean;
  canRuns: boolean;
  timeZone: string;
  areas: { code: string; name: string }[];
}): (item: CalendarItem) => ReactNode {
  return (item) => {
    if (item.type === "window" && opts.canWindows) {
      const when = formatLocalRange(item.start, item.end, opts.timeZone);
      return (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
          <ConfirmAction
            label="Cancel this occurrence"
            title="Cancel this occurrence?"
            description={`${item.title}, ${when}. Only this occurrence is removed; the series continues.`}
            confirmLabel="Cancel occurrence"
            variant="danger"
            run={cancelOccurrenceAction.bind(null, item.windowId, item.start.toISOString())}
          />
          <Link href={`/schedule/windows/${item.windowId}/edit`} className="text-sm">
            Edit window
          </Link>
        </div>
      );
    }
    if (item.type === "run" && opts.canRuns) {
      const local = (d: Date) => toLocalIso(d, opts.timeZone).slice(0, 16);
      return (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
          <RunDialog
            label="Edit run"
            title={`Edit ${item.title}`}
            areas={opts.areas}
            timeZone={opts.timeZone}
            initial={{
              areaCode: item.areas[0] ?? "",
              title: item.title,
              kind: item.kind,
              criticality: item.criticality,
              start: local(item.start),
              end: local(item.end),
            }}
            submit={updateRunAction.bind(null, item.runId, item.sequence)}
          />
          <ConfirmAction
            label="Delete run"
            title={`Delete ${item.title}?`}
            description="The run leaves the production schedule and stops blocking changes. The audit trail keeps a record."
            confirmLabel="Delete run"
            variant="danger"
            run={deleteRunAction.bind(null, item.runId, item.sequence)}
          />
        </div>
      );
    }
    return null;
  };
}
