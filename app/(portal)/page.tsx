import type { Metadata } from "next";
import Link from "next/link";
import { OverdueAdvisoriesCard } from "@/components/advisories/dashboard-card";
import { ChangeDashboardSection } from "@/components/changes/dashboard-section";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { CRITICALITIES } from "@/lib/domain/constants";
import { changeDashboard } from "@/lib/services/changes/count-for-dashboard";
import { overdueAdvisories } from "@/lib/services/advisories/list-overdue";
import { assetSummary } from "@/lib/services/assets/summary";
import { RoleDashboard } from "@/components/dashboard/role-dashboard";
import { AdminDashboardCard } from "@/components/admin/dashboard-card";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { getCompliance } from "@/lib/services/compliance/get-compliance";
import { approverPanel } from "@/lib/services/dashboard/approver-panel";
import { changeTrends } from "@/lib/services/dashboard/change-trends";
import { implementerPanel } from "@/lib/services/dashboard/implementer-panel";
import { managerPanel } from "@/lib/services/dashboard/manager-panel";
import { requesterPanel } from "@/lib/services/dashboard/requester-panel";
import { CRITICALITY_LABELS } from "@/lib/domain/labels";
import { zoneAbbreviation } from "@/lib/domain/site-time";
import { currentTime } from "@/lib/clock";

export const metadata: Metadata = { title: "Dashboard" };

const BAR: Record<string, string> = {
  safety_critical: "bg-red-600",
  production_critical: "bg-amber-500",
  supporting: "bg-slate-400",
};

export default async function DashboardPage() {
  const actor = await requireActor();
  const oversees = sitesWithPermission(actor, "audit.view").length > 0;
  const [summary, changes, overdue, requester, approver, implementer, manager, trends, report] =
    await Promise.all([
      assetSummary(actor),
      changeDashboard(actor),
      overdueAdvisories(actor),
      requesterPanel(actor),
      approverPanel(actor),
      implementerPanel(actor),
      managerPanel(actor),
      oversees ? changeTrends(actor) : null,
      oversees ? getCompliance(actor, {}) : null,
    ]);
  return (
    <>
      <PageHeader title="Dashboard" description={`Signed in as ${actor.name}`} />
      <RoleDashboard
        requester={requester}
        approver={approver}
        implementer={implementer}
        manager={manager}
        trends={trends}
        report={report}
        auditor={actor.grants.some((g) => g.role === "auditor")}
      />
      {changes.sites.length > 0 ? <ChangeDashboardSection data={changes} /> : null}
      {summary.length > 0 ? <OverdueAdvisoriesCard items={overdue} /> : null}
      {summary.length === 0 && actor.isAdmin ? (
        <AdminDashboardCard />
      ) : summary.length === 0 ? (
        <Card className="p-4 text-sm text-slate-700">
          You hold no site roles yet. Ask an administrator to grant you a role at your plant.
        </Card>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {summary.map((s) => (
            <Card key={s.siteCode}>
              <CardHeader
                title={`${s.siteName} (${s.siteCode})`}
                description={`Site time ${zoneAbbreviation(s.timeZone, currentTime())} (${s.timeZone})`}
                actions={<Link href={`/assets?site=${s.siteCode}`}>Assets</Link>}
              />
              <div className="space-y-3 p-4">
                <p className="text-sm text-slate-700">
                  <span className="text-2xl font-semibold text-slate-900">{s.total}</span> assets,{" "}
                  {s.safetyRelated} safety-related
                </p>
                <div
                  className="flex h-3 overflow-hidden rounded bg-slate-100"
                  role="img"
                  aria-label={CRITICALITIES.map(
                    (c) => `${CRITICALITY_LABELS[c]}: ${s.byCriticality[c]}`,
                  ).join(", ")}
                >
                  {CRITICALITIES.map((c) => (
                    <div
                      key={c}
                      className={BAR[c]}
                      style={{ width: s.total ? `${(s.byCriticality[c] / s.total) * 100}%` : 0 }}
                    />
                  ))}
                </div>
                <dl className="grid grid-cols-3 gap-2 text-xs">
                  {CRITICALITIES.map((c) => (
                    <div key={c}>
                      <dt className="flex items-center gap-1 text-slate-600">
                        <span aria-hidden="true" className={`inline-block size-2 rounded-sm ${BAR[c]}`} />
                        {CRITICALITY_LABELS[c]}
                      </dt>
                      <dd className="font-medium text-slate-900">
                        <Link href={`/assets?site=${s.siteCode}&criticality=${c}`}>{s.byCriticality[c]}</Link>
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
