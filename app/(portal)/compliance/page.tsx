import type { Metadata } from "next";
import { FileArchive } from "lucide-react";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/compliance/bar-chart";
import { dashboardHref, evidenceHref, figureHref } from "@/components/compliance/figure-href";
import { PeriodForm } from "@/components/compliance/period-form";
import { readPeriodParams } from "@/components/compliance/period-params";
import { Stat } from "@/components/compliance/stat";
import { StartedSection } from "@/components/compliance/started-section";
import { Button } from "@/components/ui/button";
import { Alert, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInZone } from "@/lib/domain/site-time";
import { requireActor } from "@/lib/auth/session";
import { rolesAllowed } from "@/lib/auth/permissions";
import { RoleRequired } from "@/components/shell/role-required";
import { auditSites } from "@/lib/services/audit";
import { isServiceError } from "@/lib/services/base/errors";
import { getCompliance } from "@/lib/services/compliance/get-compliance";
import type { ComplianceReport } from "@/lib/types/compliance";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "Compliance" };

const hours = (h: number | null) =>
  h === null ? "—" : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} d`;
const RETRO = [
  ["on_time", "Signed on time", "green"],
  ["late", "Signed late", "amber"],
  ["overdue", "Missing, overdue", "red"],
  ["pending", "Missing, not yet due", "slate"],
] as const;

export default async function CompliancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const sites = await auditSites(actor);
  if (sites.length === 0)
    return (
      <RoleRequired
        title="Compliance"
        what="the compliance figures of your sites"
        roles={rolesAllowed("audit.view")}
        isAdmin={actor.isAdmin}
        email={actor.email}
      />
    );
  const p = readPeriodParams(await searchParams);
  let report: ComplianceReport | null = null;
  let error: string | undefined;
  try {
    report = await getCompliance(actor, p);
  } catch (e) {
    if (!isServiceError(e)) throw e;
    if (e.code === "not_found") notFound();
    error = e.details.errors?.map((x) => x.message).join(" ") || e.message;
  }
  const site = sites.find((s) => s.code === p.site);
  const zone = site?.timeZone ?? "UTC";
  const canExport = site ? site.canExport : sites.some((s) => s.canExport);
  const href = (figure: string) => figureHref(p, figure);

  return (
    <div>
      <PageHeader
        title="Compliance"
        description={
          site
            ? `${site.name} (${site.code}); times in ${zone}.`
            : `All sites you audit: ${sites.map((s) => s.code).join(", ")}; times in UTC.`
        }
        actions={
          canExport && report ? (
            <Button asChild variant="primary" size="sm">
              <a href={evidenceHref(p)} download>
                <FileArchive className="size-4" aria-hidden="true" />
                Download evidence pack
              </a>
            </Button>
          ) : null
        }
      />
      <PeriodForm period={p} sites={sites} action="/compliance" error={error} />
      {error ? (
        <Alert title="The period cannot be shown">
          {error}{" "}
          <a href={dashboardHref({ site: p.site, from: "", to: "" })} className="underline">
            Show the last 90 days
          </a>
          .
        </Alert>
      ) : null}
      {report ? (
        <div className="space-y-4">
          <StartedSection r={report} p={p} zone={zone} />
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
            <Stat
              label="Gate refusals of start attempts"
              value={report.gateRefusals.total}
              href={href("refusal")}
            />
            <Stat
              label="Emergency changes approved"
              value={report.emergency.total}
              href={href("emergency")}
              tone={report.emergency.retrospective.overdue ? "red" : "slate"}
              note={
                report.emergency.retrospective.overdue
                  ? `${report.emergency.retrospective.overdue} retrospective sign-off(s) overdue`
                  : undefined
              }
            />
            <Stat
              label="Awaiting PSSR"
              value={report.awaitingPssr.total}
              href={href("pssr")}
              tone={report.awaitingPssr.total ? "amber" : "slate"}
            />
            <Stat
              label="Baseline late (CIP-010 R1.3)"
              value={report.baselineLate.total}
              href={href("baseline")}
              tone={report.baselineLate.total ? "red" : "slate"}
              note="Closed, baseline updated more than 30 days after implementation"
            />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader
                title="Gate refusals by reason"
                description="Real start attempts; dry runs by tools are not counted."
              />
              <div className="p-4">
                <BarChart
                  id="chart-refusals"
                  title="Gate refusals by reason"
                  unit="refusals"
                  items={report.gateRefusals.byReason.map((b) => ({
                    label: b.label,
                    count: b.count,
                    href: href(b.figure),
                    tone: "red",
                  }))}
                />
              </div>
            </Card>
            <Card>
              <CardHeader
                title="Emergency changes: retrospective sign-offs"
                description="Owed within 72 hours of approval (rule 7)."
              />
              <div className="space-y-3 p-4">
                <BarChart
                  id="chart-retro"
                  title="Retrospective sign-offs"
                  unit="sign-offs"
                  items={
                    report.emergency.total
                      ? RETRO.map(([key, label, tone]) => ({
                          label,
                          count: report.emergency.retrospective[key],
                          href: href(`emergency.${key}`),
                          tone,
                        }))
                      : []
                  }
                />
                {report.emergency.items.some((i) => i.status !== "on_time") ? (
                  <Table caption="Retrospective sign-offs not given on time">
                    <thead>
                      <tr>
                        <Th>Change</Th>
                        <Th>Sign-off</Th>
                        <Th>Due</Th>
                        <Th>Status</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.emergency.items
                        .filter((i) => i.status !== "on_time")
                        .map((i) => (
                          <tr key={`${i.changeId}-${i.role}-${i.siteCode ?? ""}`}>
                            <Td>
                              <a href={`/changes/${i.changeId}`} className="font-mono">
                                {i.number}
                              </a>
                            </Td>
                            <Td>{SIGNOFF_ROLE_LABELS[i.role]}</Td>
                            <Td className="whitespace-nowrap">{formatInZone(i.dueAt, zone)}</Td>
                            <Td>{RETRO.find(([k]) => k === i.status)![1]}</Td>
                          </tr>
                        ))}
                    </tbody>
                  </Table>
                ) : null}
              </div>
            </Card>
          </div>
          <Card>
            <CardHeader
              title="Lead times"
              description="Median and 90th percentile of the changes in the period."
            />
            <div className="p-4">
              <Table caption="Lead times">
                <thead>
                  <tr>
                    <Th>From → to</Th>
                    <Th className="text-right">Changes</Th>
                    <Th className="text-right">Median</Th>
                    <Th className="text-right">90th percentile</Th>
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      ["Submitted → fully approved", report.leadTimes.submitToApproved, "lead.approval"],
                      ["Approved → started", report.leadTimes.approvedToStarted, "lead.start"],
                    ] as const
                  ).map(([label, lt, figure]) => (
                    <tr key={figure}>
                      <Td>{label}</Td>
                      <Td className="text-right tabular-nums">
                        <a href={href(figure)}>{lt.count}</a>
                      </Td>
                      <Td className="text-right tabular-nums">{hours(lt.medianHours)}</Td>
                      <Td className="text-right tabular-nums">{hours(lt.p90Hours)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </Card>
          <div className="grid gap-4 lg:grid-cols-3">
            {(
              [
                ["chart-type", "Started changes by type", report.byType, "blue"],
                ["chart-risk", "Started changes by risk", report.byRisk, "amber"],
                ["chart-outcome", "Started changes by outcome", report.byOutcome, "green"],
              ] as const
            ).map(([id, title, buckets, tone]) => (
              <Card key={id}>
                <CardHeader title={title} />
                <div className="p-4">
                  <BarChart
                    id={id}
                    title={title}
                    unit="changes"
                    items={buckets.map((b) => ({
                      label: b.label,
                      count: b.count,
                      href: href(b.figure),
                      tone,
                    }))}
                  />
                </div>
              </Card>
            ))}
          </div>
          <p className="text-xs text-slate-600">
            Period {formatInZone(report.period.from, zone)} to {formatInZone(report.period.to, zone)} (end
            excluded); computed {formatInZone(report.generatedAt, zone)}.
          </p>
        </div>
      ) : null}
    </div>
  );
}
