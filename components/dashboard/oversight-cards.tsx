import Link from "next/link";
import { BarChart } from "@/components/compliance/bar-chart";
import { figureHref } from "@/components/compliance/figure-href";
import { Stat } from "@/components/compliance/stat";
import { Card, CardHeader } from "@/components/ui/card";
import type { ComplianceReport } from "@/lib/types/compliance";
import type { DashboardTrends } from "@/lib/types/dashboard";
import { LeadTimeChart, StartedPerWeekChart } from "./trend-charts";

const LAST_90 = { site: "", from: "", to: "" };

/** The auditor's figures of the last 90 days, each linking to its changes, and the way into the trail. */
export function AuditorCard({ report }: { report: ComplianceReport }) {
  const href = (figure: string) => figureHref(LAST_90, figure);
  const s = report.started;
  return (
    <Card className="lg:col-span-2">
      <CardHeader
        title="Compliance, last 90 days"
        description={`Sites ${report.sites.join(", ")}.`}
        actions={
          <>
            <Link href="/compliance">Compliance</Link>
            <Link href="/audit">Audit trail</Link>
          </>
        }
      />
      <div className="grid gap-3 p-4 sm:grid-cols-2 xl:grid-cols-3">
        <Stat label="Changes started" value={s.total} href={href("started")} />
        <Stat
          label="Started with every required sign-off"
          value={`${s.withAllSignoffs} of ${s.total}`}
          href={href("started.with")}
          tone={s.withAllSignoffs === s.total ? "green" : "red"}
        />
        <Stat
          label="Gate refusals of start attempts"
          value={report.gateRefusals.total}
          href={href("refusal")}
        />
        <Stat
          label="Emergency sign-offs overdue"
          value={report.emergency.retrospective.overdue}
          href={href("emergency.overdue")}
          tone={report.emergency.retrospective.overdue ? "red" : "slate"}
        />
        <Stat
          label="Awaiting the safety review (PSSR)"
          value={report.awaitingPssr.total}
          href={href("pssr")}
        />
        <Stat
          label="Baseline updated late (CIP-010)"
          value={report.baselineLate.total}
          href={href("baseline")}
          tone={report.baselineLate.total ? "amber" : "slate"}
        />
      </div>
    </Card>
  );
}

/** How the plant has been changing: starts per week, lead time, and why the gate said no. */
export function TrendsCard({ trends, report }: { trends: DashboardTrends; report: ComplianceReport | null }) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader
        title="Trends"
        description="The last twelve weeks at the sites you see; weeks start on Monday (UTC)."
      />
      <div className="grid gap-6 p-4 lg:grid-cols-3">
        <section aria-labelledby="chart-started">
          <h3 id="chart-started" className="mb-1 text-xs font-semibold text-slate-900">
            Changes started per week
          </h3>
          <StartedPerWeekChart weeks={trends.weeks} />
        </section>
        <section aria-labelledby="chart-lead">
          <h3 id="chart-lead" className="mb-1 text-xs font-semibold text-slate-900">
            Lead time, submission to start (median days)
          </h3>
          <LeadTimeChart weeks={trends.weeks} />
        </section>
        {report ? (
          <section aria-labelledby="chart-refusals">
            <h3 id="chart-refusals" className="mb-1 text-xs font-semibold text-slate-900">
              Gate refusals by reason, last 90 days
            </h3>
            <BarChart
              id="dashboard-refusals"
              title="Gate refusals by reason"
              unit="refusals"
              items={report.gateRefusals.byReason.map((b) => ({
                label: b.label,
                count: b.count,
                href: figureHref(LAST_90, b.figure),
                tone: "amber",
              }))}
            />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
