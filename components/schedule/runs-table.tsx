import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { RunCriticality } from "@/lib/domain/constants";
import { formatLocal } from "@/lib/domain/schedule";
import type { FormResult } from "@/lib/schemas/form-result";
import type { RunView } from "@/lib/types/schedule";
import { ConfirmAction } from "./confirm-action";
import { RunDialog } from "./run-dialog";
import type { RunFormValues } from "./run-form";
import { RUN_CRITICALITY_LABELS, RUN_KIND_LABELS } from "@/lib/domain/labels";

const TONE: Record<RunCriticality, BadgeTone> = { critical: "amber", normal: "blue", low: "gray" };

/** Server actions; bound per row here (on the server), so each button carries its run's id and version. */
export interface RunActions {
  update: (id: string, sequence: number, input: RunFormValues) => Promise<FormResult<{ id: string }>>;
  remove: (id: string, sequence: number) => Promise<FormResult<{ id: string }>>;
}

export function RunsTable({
  runs,
  siteCode,
  timeZone,
  areas,
  manage,
}: {
  runs: RunView[];
  siteCode: string;
  timeZone: string;
  areas: { code: string; name: string }[];
  /** Absent for viewers without production.manage. */
  manage?: RunActions;
}) {
  return (
    <Table caption={`Production runs at ${siteCode}`}>
      <thead>
        <tr>
          <Th>Title</Th>
          <Th>Area</Th>
          <Th>Type</Th>
          <Th>Criticality</Th>
          <Th>Start</Th>
          <Th className="hidden lg:table-cell">End</Th>
          {manage ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </thead>
      <tbody>
        {runs.length === 0 ? (
          <tr>
            <Td colSpan={manage ? 7 : 6} className="py-6 text-center text-slate-600">
              No production runs in this period.
            </Td>
          </tr>
        ) : (
          runs.map((r) => (
            <tr key={r.id}>
              <Td className="min-w-40 font-medium">{r.title}</Td>
              <Td>{r.areaCode}</Td>
              <Td>
                {r.kind === "turnaround" ? (
                  <Badge tone="green">Turnaround · window</Badge>
                ) : (
                  RUN_KIND_LABELS[r.kind]
                )}
              </Td>
              <Td>
                <Badge tone={TONE[r.criticality]}>{RUN_CRITICALITY_LABELS[r.criticality]}</Badge>
              </Td>
              {/* Below 1024 px the end folds under the start, so the actions stay on screen at 820 px. */}
              <Td className="whitespace-nowrap">
                {formatLocal(r.start, timeZone)}
                <span className="block text-xs text-slate-600 lg:hidden">
                  to {formatLocal(r.end, timeZone)}
                </span>
              </Td>
              <Td className="hidden whitespace-nowrap lg:table-cell">{formatLocal(r.end, timeZone)}</Td>
              {manage ? (
                <Td className="space-x-1 text-right whitespace-nowrap">
                  <RunDialog
                    label="Edit"
                    srLabel={`Edit ${r.title}`}
                    title={`Edit ${r.title}`}
                    areas={areas}
                    timeZone={timeZone}
                    initial={{
                      areaCode: r.areaCode,
                      title: r.title,
                      kind: r.kind,
                      criticality: r.criticality,
                      start: r.localStart.slice(0, 16),
                      end: r.localEnd.slice(0, 16),
                    }}
                    submit={manage.update.bind(null, r.id, r.sequence)}
                  />
                  <ConfirmAction
                    label="Delete"
                    srLabel={`Delete ${r.title}`}
                    title={`Delete ${r.title}?`}
                    description="The run leaves the production schedule and stops blocking changes. The audit trail keeps a record."
                    confirmLabel="Delete run"
                    variant="danger"
                    run={manage.remove.bind(null, r.id, r.sequence)}
                  />
                </Td>
              ) : null}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
