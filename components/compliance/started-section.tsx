import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInZone } from "@/lib/domain/site-time";
import type { ComplianceReport } from "@/lib/types/compliance";
import { BarChart } from "./bar-chart";
import { figureHref, type PeriodParams } from "./figure-href";

const MISMATCH_LABELS = {
  no_start_event: "No start event in the trail",
  not_started_in_table: "Not started in the change table",
  started_before_gate: "Started before the gate opened",
} as const;

/** `started`: the trail's answer, the sign-off rate, and every disagreement with the change table. */
export function StartedSection({ r, p, zone }: { r: ComplianceReport; p: PeriodParams; zone: string }) {
  const s = r.started;
  const pct = s.total ? Math.round((s.withAllSignoffs / s.total) * 1000) / 10 : null;
  return (
    <Card>
      <CardHeader
        title="Changes started, and whether every sign-off was there"
        description="Counted from the audit trail alone: each change's own events are replayed up to its start, then held against the change table."
      />
      <div className="grid gap-4 p-4 md:grid-cols-2">
        <div className="space-y-3">
          <p className="text-sm text-slate-800" data-testid="started-summary">
            <Link href={figureHref(p, "started.with")} className="text-2xl font-semibold tabular-nums">
              {s.withAllSignoffs}
            </Link>{" "}
            of{" "}
            <Link href={figureHref(p, "started")} className="font-semibold tabular-nums">
              {s.total}
            </Link>{" "}
            started with every required sign-off valid for their content
            {pct === null ? "" : ` (${pct}%; the goal is 100%)`}.
          </p>
          <BarChart
            id="chart-started"
            title="Starts by sign-off status"
            unit="changes"
            items={[
              {
                label: "Every sign-off",
                count: s.withAllSignoffs,
                href: figureHref(p, "started.with"),
                tone: "green",
              },
              {
                label: "Sign-off missing",
                count: s.total - s.withAllSignoffs,
                href: figureHref(p, "started.without"),
                tone: "red",
              },
              {
                label: "Trail and table disagree",
                count: s.mismatches.length,
                href: figureHref(p, "started.mismatch"),
                tone: "amber",
              },
            ]}
          />
        </div>
        <div className="space-y-3">
          <h3 className="text-sm font-semibold text-slate-900">Trail and change table disagree</h3>
          {s.mismatches.length === 0 ? (
            <p className="text-sm text-slate-600">
              None: every start in the change table has its start event.
            </p>
          ) : (
            <Table caption="Every mismatch between the audit trail and the change table">
              <thead>
                <tr>
                  <Th>Change</Th>
                  <Th>What</Th>
                  <Th>Trail start</Th>
                  <Th>Table start</Th>
                </tr>
              </thead>
              <tbody>
                {s.mismatches.map((m) => (
                  <tr key={`${m.changeId}-${m.kind}`}>
                    <Td>
                      <Link href={`/changes/${m.changeId}`} className="font-mono">
                        {m.number}
                      </Link>
                    </Td>
                    <Td>
                      <span title={m.message}>{MISMATCH_LABELS[m.kind]}</span>
                    </Td>
                    <Td className="whitespace-nowrap">{formatInZone(m.trailAt, zone)}</Td>
                    <Td className="whitespace-nowrap">{formatInZone(m.tableAt, zone)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {s.withoutSignoffs.length ? (
            <>
              <h3 className="text-sm font-semibold text-slate-900">Started without every sign-off</h3>
              <ul className="space-y-1 text-sm">
                {s.withoutSignoffs.map((w) => (
                  <li key={w.changeId}>
                    <Link href={`/changes/${w.changeId}`} className="font-mono">
                      {w.number}
                    </Link>{" "}
                    started {formatInZone(w.startedAt, zone)}: {w.problems.join("; ")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
