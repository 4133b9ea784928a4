import { formatFloatingDate, parseLocalDate } from "@/lib/domain/schedule/time";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge, RiskBadge } from "@/components/changes/badges";
import { dashboardHref, figureLabel } from "@/components/compliance/figure-href";
import { readPeriodParams } from "@/components/compliance/period-params";
import { PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { auditSites } from "@/lib/services/audit";
import { isServiceError } from "@/lib/services/base/errors";
import { getCompliance } from "@/lib/services/compliance/get-compliance";
import { CHANGE_TYPE_LABELS } from "@/lib/domain/labels";

/** "4 Sep 2026" for a query string's yyyy-mm-dd (shown as typed when it is not a date). */
const day = (d: string) => {
  const floating = parseLocalDate(d);
  return floating === null ? d : formatFloatingDate(floating, false);
};
export const metadata: Metadata = { title: "Changes behind a figure" };

/** The list of changes behind one figure of the compliance dashboard. */
export default async function FigureChangesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const sites = await auditSites(actor);
  if (sites.length === 0) notFound();
  const sp = await searchParams;
  const p = readPeriodParams(sp);
  const figure = typeof sp.figure === "string" ? sp.figure : "";
  const report = await getCompliance(actor, p).catch((e: unknown) => {
    if (isServiceError(e) && (e.code === "not_found" || e.code === "invalid")) notFound();
    throw e;
  });
  const label = figureLabel(report, figure);
  if (!label && !(figure in report.figures)) notFound();
  const ids = report.figures[figure] ?? [];
  const rows = ids.map((id) => report.changes[id]!).sort((a, b) => a.number.localeCompare(b.number));
  const where = p.site || "all your sites";

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={dashboardHref(p)}>← Back to the compliance dashboard</Link>
      </p>
      <PageHeader
        title={label ?? figure}
        description={`${rows.length} change${rows.length === 1 ? "" : "s"} at ${where}, ${day(p.from)} to ${day(p.to)} (UTC days).`}
      />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No changes behind this figure.</p>
      ) : (
        <Table caption={label ?? figure}>
          <thead>
            <tr>
              <Th>Number</Th>
              <Th>Title</Th>
              <Th>State</Th>
              <Th>Type</Th>
              <Th>Risk</Th>
              <Th>Sites</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <Td className="whitespace-nowrap">
                  <Link href={`/changes/${c.id}`} className="font-mono text-xs">
                    {c.number}
                  </Link>
                </Td>
                <Td>{c.title}</Td>
                <Td>
                  <StateBadge state={c.state} />
                </Td>
                <Td>{CHANGE_TYPE_LABELS[c.type]}</Td>
                <Td>
                  <RiskBadge risk={c.risk} />
                </Td>
                <Td>{c.siteCodes.join(", ")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
