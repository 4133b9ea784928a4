import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { CHANGE_STATES } from "@/lib/domain/constants";
import type { ChangeDashboard } from "@/lib/types/changes";
import { OverdueFlag, StateBadge } from "./badges";
import { SiteTime } from "./site-time";
import { CHANGE_STATE_LABELS, SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { TemporaryExpiryCard } from "./temporary-expiry-card";

/** The change part of the dashboard: what awaits me, what is where, what is overdue. */
export function ChangeDashboardSection({ data }: { data: ChangeDashboard }) {
  const zoneOf = new Map(data.sites.map((s) => [s.siteCode, s.timeZone]));
  return (
    <div className="mb-4 grid gap-4 lg:grid-cols-3 [&>*]:min-w-0">
      <Card>
        <CardHeader title="My pending approvals" actions={<Link href="/approvals">Open inbox</Link>} />
        <p className="p-4 text-sm text-slate-700" data-testid="pending-approvals">
          <span className="text-2xl font-semibold text-slate-900">{data.myPendingApprovals}</span>{" "}
          {data.myPendingApprovals === 1 ? "change awaits" : "changes await"} your sign-off
        </p>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader
          title="Overdue emergency sign-offs"
          description="Retrospective sign-offs are due within 72 hours of an emergency change's approval."
        />
        {data.overdueRetrospective.length === 0 ? (
          <p className="p-4 text-sm text-slate-700">None overdue.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Emergency changes with overdue sign-offs">
            {data.overdueRetrospective.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
                <span>
                  <Link href={`/changes/${o.id}?tab=signoffs`} className="font-mono text-xs">
                    {o.number}
                  </Link>{" "}
                  {o.title}
                  <span className="block text-xs text-slate-700">
                    Owed:{" "}
                    {o.roles
                      .map((r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`)
                      .join(", ")}{" "}
                    — was due <SiteTime at={o.dueAt} zone={zoneOf.get(o.siteCodes[0] ?? "") ?? "UTC"} />
                  </span>
                </span>
                <OverdueFlag label="Overdue" />
              </li>
            ))}
          </ul>
        )}
      </Card>
      {data.temporaryExpiring.length > 0 ? <TemporaryExpiryCard items={data.temporaryExpiring} /> : null}
      {data.sites.length > 0 ? (
        <Card className="min-w-0 lg:col-span-3">
          <CardHeader title="Changes by state" actions={<Link href="/changes">All changes</Link>} />
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Changes by state per site</caption>
              <thead>
                <tr className="text-left text-xs text-slate-700">
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Site
                  </th>
                  {CHANGE_STATES.map((s) => (
                    <th key={s} scope="col" className="px-2 py-2 font-semibold whitespace-nowrap">
                      <StateBadge state={s} />
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-2 font-semibold">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.sites.map((site) => (
                  <tr key={site.siteCode} className="border-t border-slate-100">
                    <th scope="row" className="px-4 py-1.5 text-left font-medium text-slate-900">
                      {site.siteName} ({site.siteCode})
                    </th>
                    {CHANGE_STATES.map((s) => (
                      <td key={s} className="px-2 py-1.5 text-slate-800">
                        {site.counts[s] ? (
                          <Link
                            href={`/changes?site=${site.siteCode}&state=${s}`}
                            aria-label={`${site.counts[s]} ${CHANGE_STATE_LABELS[s]} at ${site.siteCode}`}
                          >
                            {site.counts[s]}
                          </Link>
                        ) : (
                          <span className="text-slate-500">0</span>
                        )}
                      </td>
                    ))}
                    <td className="px-2 py-1.5 font-medium text-slate-900">{site.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
