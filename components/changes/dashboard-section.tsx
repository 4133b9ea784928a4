import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { CHANGE_STATES } from "@/lib/domain/constants";
import type { ChangeDashboard } from "@/lib/types/changes";
import { OverdueFlag, StateBadge } from "./badges";
import { SiteTime } from "./site-time";
import { CHANGE_STATE_LABELS, SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { TemporaryExpiryCard } from "./temporary-expiry-card";

/** The change part of the dashboard: what is overdue, what is where (what awaits me: the approver card). */
export function ChangeDashboardSection({ data }: { data: ChangeDashboard }) {
  const zoneOf = new Map(data.sites.map((s) => [s.siteCode, s.timeZone]));
  return (
    <div className="mb-4 grid gap-4 lg:grid-cols-3 [&>*]:min-w-0">
      <Card className="lg:col-span-3">
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
          {/* Chips that wrap rather than a table of eleven state columns, which scrolled at 820 px. */}
          <ul className="divide-y divide-slate-100">
            {data.sites.map((site) => (
              <li key={site.siteCode} className="px-4 py-2 text-sm">
                <h3 className="font-medium text-slate-900">
                  {site.siteName} ({site.siteCode}): {site.total} {site.total === 1 ? "change" : "changes"}
                </h3>
                <ul
                  className="mt-1 flex flex-wrap gap-x-3 gap-y-1"
                  aria-label={`Changes by state at ${site.siteCode}`}
                >
                  {CHANGE_STATES.filter((s) => site.counts[s] > 0).map((s) => (
                    <li key={s}>
                      <Link
                        href={`/changes?site=${site.siteCode}&state=${s}`}
                        aria-label={`${site.counts[s]} ${CHANGE_STATE_LABELS[s]} at ${site.siteCode}`}
                        className="inline-flex items-center gap-1 no-underline"
                      >
                        <StateBadge state={s} />{" "}
                        <span className="font-semibold text-slate-900">{site.counts[s]}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
