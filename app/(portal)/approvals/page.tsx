import type { Metadata } from "next";
import Link from "next/link";
import { ClassBadge, OverdueFlag, RiskBadge, StateBadge } from "@/components/changes/badges";
import { SiteTime } from "@/components/changes/site-time";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { listSites } from "@/lib/services/sites/list-sites";
import { signableRoleLabel } from "@/lib/domain/changes/wording";

export const metadata: Metadata = { title: "My approvals" };

export default async function ApprovalsPage() {
  const actor = await requireActor();
  const [items, sites] = await Promise.all([approvalsInbox(actor), listSites(actor)]);
  const zoneOf = new Map(sites.map((s) => [s.code, s.timeZone]));
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <>
      <PageHeader
        title="My approvals"
        actions={
          <Link href="/approvals/delegations" className="text-sm">
            Delegations
          </Link>
        }
        description={
          items.length
            ? `${items.length === 1 ? "1 change awaits" : `${items.length} changes await`} your sign-off, oldest first.${overdue ? ` ${overdue} overdue.` : ""}`
            : undefined
        }
      />
      {items.length === 0 ? (
        <Card className="p-4 text-sm text-slate-700">
          Nothing awaits your sign-off at your sites. Changes you may sign appear here as soon as they are
          submitted; <Link href="/changes?state=submitted">all submitted changes</Link> are in the change
          list.
        </Card>
      ) : (
        <Table caption="Changes awaiting my sign-off">
          <thead>
            <tr>
              <Th>Change</Th>
              <Th>State</Th>
              <Th className="hidden lg:table-cell">Risk</Th>
              <Th className="hidden lg:table-cell">Sites</Th>
              <Th>Requested by</Th>
              <Th>You sign as</Th>
              <Th>Waiting since</Th>
              <Th className="hidden lg:table-cell">Planned start</Th>
              <Th className="hidden lg:table-cell">Due</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const zone = zoneOf.get(i.siteCodes[0] ?? "") ?? "UTC";
              return (
                <tr key={i.id} className={i.overdue ? "bg-red-50" : undefined} data-testid="inbox-row">
                  <Td className="min-w-56">
                    <Link href={`/changes/${i.id}?tab=signoffs`} className="font-mono text-xs">
                      {i.number}
                    </Link>
                    <span className="block text-slate-900">{i.title}</span>
                    <span className="mt-0.5 flex gap-1">
                      <ClassBadge cls={i.class} />
                    </span>
                  </Td>
                  {/* Below 1024 px risk, sites, planned start and due fold into the cells beside them,
                      so the title keeps room to read (they were squeezed to a word per line at 820 px). */}
                  <Td>
                    <span className="flex flex-col items-start gap-1">
                      <StateBadge state={i.state} />
                      <span className="lg:hidden">
                        <RiskBadge risk={i.risk} />
                      </span>
                    </span>
                  </Td>
                  <Td className="hidden lg:table-cell">
                    <RiskBadge risk={i.risk} />
                  </Td>
                  <Td className="hidden lg:table-cell">{i.siteCodes.join(", ")}</Td>
                  <Td>
                    {i.requesterName}
                    <span className="block text-xs text-slate-600 lg:hidden">{i.siteCodes.join(", ")}</span>
                  </Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {i.roles.map((r) => (
                        <Badge
                          key={`${r.role}:${r.siteCode ?? ""}`}
                          tone={r.retrospective ? "amber" : r.onBehalfOfName ? "purple" : "blue"}
                        >
                          {signableRoleLabel(r)}
                        </Badge>
                      ))}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <SiteTime at={i.waitingSince} zone={zone} />
                    {i.plannedStart ? (
                      <span className="block text-xs text-slate-600 lg:hidden">
                        starts <SiteTime at={i.plannedStart} zone={zone} />
                      </span>
                    ) : null}
                    {i.dueAt ? (
                      <span
                        className={`block text-xs lg:hidden ${i.overdue ? "font-semibold text-red-800" : "text-slate-600"}`}
                      >
                        due <SiteTime at={i.dueAt} zone={zone} />
                        {i.overdue ? " (overdue)" : ""}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">
                    <SiteTime at={i.plannedStart} zone={zone} />
                  </Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">
                    {i.dueAt ? (
                      <span className={i.overdue ? "font-semibold text-red-800" : "text-slate-900"}>
                        <SiteTime at={i.dueAt} zone={zone} />
                        {i.overdue ? (
                          <span className="mt-0.5 block">
                            <OverdueFlag label="Overdue" />
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      "—"
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
