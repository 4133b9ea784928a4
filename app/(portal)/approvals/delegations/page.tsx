import type { Metadata } from "next";
import Link from "next/link";
import { SiteTime } from "@/components/changes/site-time";
import { DelegationForm, type DelegableAuthority } from "@/components/delegations/delegation-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { ROLE_LABELS } from "@/lib/domain/labels";
import {
  DELEGABLE_ROLES,
  mayEndDelegation,
  siteToday,
  type DelegationState,
} from "@/lib/domain/delegation/rules";
import { listDelegations } from "@/lib/services/delegations/list-delegations";
import type { DelegationView } from "@/lib/types/delegations";
import { listSites } from "@/lib/services/sites/list-sites";
import { createDelegationAction, revokeDelegationAction } from "./actions";

export const metadata: Metadata = { title: "Delegations · My approvals" };

const STATE: Record<DelegationState, { label: string; tone: BadgeTone }> = {
  active: { label: "In force", tone: "green" },
  upcoming: { label: "Upcoming", tone: "blue" },
  ended: { label: "Ended", tone: "muted" },
  revoked: { label: "Ended early", tone: "amber" },
};

function DelegationTable({
  caption,
  items,
  actor,
  empty,
}: {
  caption: string;
  items: DelegationView[];
  actor: Actor;
  empty: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Authority</Th>
          <Th>Approver</Th>
          <Th>Signs on their behalf</Th>
          <Th>From</Th>
          <Th>Until</Th>
          <Th>State</Th>
          <Th>Reason</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 ? (
          <EmptyRow colSpan={8}>{empty}</EmptyRow>
        ) : (
          items.map((d) => {
            const may = mayEndDelegation(actor, d);
            const live = d.state === "active" || d.state === "upcoming";
            return (
              <tr key={d.id} data-testid="delegation-row">
                <Td>
                  <span className="font-medium">{ROLE_LABELS[d.role]}</span>
                  <span className="block text-xs text-slate-600">
                    {d.siteCode} · {d.siteName}
                  </span>
                </Td>
                <Td>{d.delegatorName}</Td>
                <Td>
                  {d.delegateName}
                  <span className="block text-xs text-slate-600">{d.delegateEmail}</span>
                </Td>
                <Td className="whitespace-nowrap">
                  <SiteTime at={d.startsAt} zone={d.timeZone} />
                </Td>
                <Td className="whitespace-nowrap">
                  <SiteTime at={d.endsAt} zone={d.timeZone} />
                </Td>
                <Td>
                  <Badge tone={STATE[d.state].tone}>{STATE[d.state].label}</Badge>
                  {d.revokedByName ? (
                    <span className="mt-0.5 block text-xs text-slate-600">by {d.revokedByName}</span>
                  ) : null}
                </Td>
                <Td className="max-w-48">{d.reason || "—"}</Td>
                <Td className="text-right">
                  {may && live ? (
                    <ConfirmAction
                      label="End"
                      triggerLabel={`End the delegation of ${ROLE_LABELS[d.role]} at ${d.siteCode} to ${d.delegateName}`}
                      title={`End ${d.delegatorName}'s delegation to ${d.delegateName}?`}
                      description="It ends now. Sign-offs already given under it stay, with both names."
                      confirmLabel="End delegation"
                      action={revokeDelegationAction.bind(null, d.id)}
                    />
                  ) : null}
                </Td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
}

export default async function DelegationsPage() {
  const actor = await requireActor();
  const [current, past, sites] = await Promise.all([
    listDelegations(actor, { state: "current" }),
    listDelegations(actor, { state: "past" }),
    listSites(actor),
  ]);
  const now = currentTime();
  const siteOf = new Map(sites.map((s) => [s.code, s]));
  const authorities: DelegableAuthority[] = actor.grants
    .filter((g) => !g.delegation && (DELEGABLE_ROLES as readonly string[]).includes(g.role))
    .flatMap((g) => {
      const site = siteOf.get(g.siteCode);
      return site
        ? [
            {
              siteCode: g.siteCode,
              siteName: site.name,
              role: g.role as DelegableAuthority["role"],
              today: siteToday(now, site.timeZone),
            },
          ]
        : [];
    });
  const lent = actor.grants.filter((g) => g.delegation);
  return (
    <>
      <PageHeader
        title="Delegations"
        description={
          <>
            Lend your signing authority for one role at one site to a colleague while you are away. Change
            managers see every delegation at their sites.{" "}
            <Link href="/approvals" className="underline">
              Back to my approvals
            </Link>
          </>
        }
      />
      {lent.length ? (
        <Card className="mb-4 p-4 text-sm">
          <h2 className="font-semibold text-slate-900">You sign on behalf of</h2>
          <ul className="mt-1 list-disc pl-5">
            {lent.map((g) => (
              <li key={g.delegation!.id}>
                {g.delegation!.delegatorName}: {ROLE_LABELS[g.role]} at {g.siteCode}, until{" "}
                <SiteTime at={g.delegation!.endsAt} zone={siteOf.get(g.siteCode)?.timeZone ?? "UTC"} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <section aria-labelledby="delegate-heading" className="mb-6">
        <Card className="p-4">
          <h2 id="delegate-heading" className="mb-3 text-base font-semibold text-slate-900">
            Delegate your signing authority
          </h2>
          <DelegationForm authorities={authorities} create={createDelegationAction} />
        </Card>
      </section>
      <section aria-labelledby="current-heading" className="mb-6">
        <h2 id="current-heading" className="mb-2 text-base font-semibold text-slate-900">
          In force and upcoming
        </h2>
        <DelegationTable
          caption="Delegations in force or upcoming"
          items={current}
          actor={actor}
          empty="No delegation is in force or upcoming."
        />
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-2 text-base font-semibold text-slate-900">
          Ended
        </h2>
        <DelegationTable caption="Delegations that have ended" items={past} actor={actor} empty="None yet." />
      </section>
    </>
  );
}
