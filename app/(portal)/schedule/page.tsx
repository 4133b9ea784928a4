import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "luxon";
import { Button } from "@/components/ui/button";
import { Card, PageHeader, SectionHeading } from "@/components/ui/card";
import { Pager } from "@/components/ui/table";
import { SiteSwitcher } from "@/components/schedule/site-switcher";
import { WindowsTable } from "@/components/schedule/windows-table";
import { RunsTable } from "@/components/schedule/runs-table";
import { RunDialog } from "@/components/schedule/run-dialog";
import { RunPeriodForm } from "@/components/schedule/run-period-form";
import { requireActor } from "@/lib/auth/session";
import { hasSitePermission } from "@/lib/auth/permissions";
import { listWindows } from "@/lib/services/schedule/list-windows";
import { listRuns } from "@/lib/services/schedule/list-runs";
import { createRunAction, deleteRunAction, updateRunAction } from "./actions";
import { chooseSite, one } from "./site-choice";
import { FeedCard } from "./feed-card";

export const metadata: Metadata = { title: "Windows & production" };

const DAYS = [30, 90, 180, 365] as const;

export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const actor = await requireActor();
  const { sites, site } = await chooseSite(actor, one(sp.site));
  if (!site) {
    if (one(sp.site)) notFound();
    return (
      <>
        <PageHeader title="Windows & production" />
        <Card className="p-4 text-sm text-slate-700">
          You hold no role at any site, so there is no schedule to show.
        </Card>
      </>
    );
  }
  const tz = site.timeZone;
  const today = DateTime.now().setZone(tz).toISODate()!;
  const fromParam = one(sp.from);
  const from =
    fromParam && /^\d{4}-\d{2}-\d{2}$/.test(fromParam) && DateTime.fromISO(fromParam).isValid
      ? fromParam
      : today;
  const daysParam = Number(one(sp.days));
  const days = (DAYS as readonly number[]).includes(daysParam) ? daysParam : 90;
  const to = DateTime.fromISO(from, { zone: tz }).plus({ days }).toISODate()!;
  const cursor = one(sp.cursor);

  const [windows, runs] = await Promise.all([
    listWindows(actor, site.code),
    listRuns(actor, { site: site.code, from: `${from}T00:00`, to: `${to}T00:00`, limit: 50, cursor }),
  ]);
  const canWindows = hasSitePermission(actor, "window.manage", site.id);
  const canRuns = hasSitePermission(actor, "production.manage", site.id);
  const areas = site.areas.map((a) => ({ code: a.code, name: a.name }));
  const base = `/schedule?site=${site.code}&from=${from}&days=${days}`;

  return (
    <>
      <PageHeader
        title="Windows & production"
        description={`${site.name} · all times in site time (${tz.replace(/_/g, " ")})`}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/calendar?site=${site.code}`}>Open calendar</Link>
            </Button>
            {canWindows ? (
              <Button asChild variant="primary">
                <Link href={`/schedule/windows/new?site=${site.code}`}>New window</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="space-y-5">
        <SiteSwitcher sites={sites} current={site.code} href={(code) => `/schedule?site=${code}`} />
        <section aria-labelledby="windows-heading" className="space-y-2">
          <SectionHeading id="windows-heading">Maintenance windows and blackouts</SectionHeading>
          <p className="text-xs text-slate-600">
            Changes may only start inside a maintenance window of every affected area; a blackout always wins.
          </p>
          <WindowsTable windows={windows} canManage={canWindows} siteCode={site.code} />
        </section>
        <section aria-labelledby="runs-heading" className="space-y-2">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <div>
              <SectionHeading id="runs-heading">Production schedule</SectionHeading>
              <p className="text-xs text-slate-600">
                Downtime may not overlap a critical run in an affected area. Turnarounds count as maintenance
                windows.
              </p>
            </div>
            {canRuns ? (
              <div className="flex gap-2">
                <Button asChild size="sm" variant="secondary">
                  <Link href={`/schedule/import?site=${site.code}`}>Import CSV</Link>
                </Button>
                <RunDialog
                  label="Add run"
                  title={`Add a production run at ${site.code}`}
                  areas={areas}
                  timeZone={tz}
                  submit={createRunAction.bind(null, site.code)}
                  primary
                />
              </div>
            ) : null}
          </div>
          <RunPeriodForm site={site.code} from={from} days={days} options={DAYS} />
          <RunsTable
            runs={runs.items}
            siteCode={site.code}
            timeZone={tz}
            areas={areas}
            manage={canRuns ? { update: updateRunAction, remove: deleteRunAction } : undefined}
          />
          <Pager
            count={runs.items.length}
            firstHref={cursor ? base : null}
            nextHref={runs.nextCursor ? `${base}&cursor=${encodeURIComponent(runs.nextCursor)}` : null}
          />
        </section>
        <FeedCard siteCode={site.code} />
      </div>
    </>
  );
}
