import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "luxon";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { WindowHeader } from "@/components/schedule/window-header";
import { EndSeriesForm } from "@/components/schedule/end-series-form";
import { ConfirmAction } from "@/components/schedule/confirm-action";
import { OccurrenceList } from "@/components/schedule/occurrence-list";
import { requireActor } from "@/lib/auth/session";
import { hasSitePermission } from "@/lib/auth/permissions";
import { cancelOccurrenceAction, deleteWindowAction, endSeriesAction } from "../../actions";
import { one } from "../../site-choice";
import { loadWindow } from "./load-window";
import { upcomingOccurrences, viewDef } from "./occurrences";
import { currentTime } from "@/lib/clock";
import { BOOKING_STATES } from "@/lib/domain/schedule";
import { formatLocal, localToUtc } from "@/lib/domain/schedule/time";
import { windowStanding } from "@/lib/domain/schedule/window-status";
import { countChanges } from "@/lib/services/changes/count";

export const metadata: Metadata = { title: "Window" };

export default async function WindowPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor();
  const { window: w, siteId, siteName, areas } = await loadWindow(actor, id);
  const canManage = hasSitePermission(actor, "window.manage", siteId);
  const tz = w.timeZone;
  const now = currentTime();
  const today = DateTime.fromJSDate(now, { zone: tz }).toISODate()!;
  const standing = windowStanding(viewDef(w), now);
  const booked = standing.occurrence
    ? await countChanges(actor, {
        site: w.siteCode,
        state: [...BOOKING_STATES],
        from: standing.occurrence.start,
        to: standing.occurrence.end,
      })
    : null;
  const fromParam = one(sp.from);
  const from = fromParam && DateTime.fromISO(fromParam, { zone: tz }).isValid ? fromParam : today;
  const { items, next } = upcomingOccurrences(w, from, 20);
  return (
    <>
      <WindowHeader
        title={w.title}
        kind={w.kind}
        siteName={siteName}
        timeZone={tz}
        durationMinutes={w.durationMinutes}
        summary={w.summary}
        rrule={w.rrule}
        areaNames={w.areaCodes.map((c) => areas.find((a) => a.code === c)?.name ?? c)}
        status={standing.status}
        occurrence={standing.occurrence}
        booked={booked}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/schedule?site=${w.siteCode}`}>All windows</Link>
            </Button>
            {canManage ? (
              <Button asChild variant="primary">
                <Link href={`/schedule/windows/${w.id}/edit`}>Edit</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader
            title="Occurrences"
            description={from === today ? "Upcoming, from today" : `From ${from}`}
          />
          <OccurrenceList
            items={items}
            timeZone={tz}
            title={w.title}
            cancel={canManage ? cancelOccurrenceAction.bind(null, w.id) : undefined}
          />
          <div className="flex justify-between border-t border-slate-200 px-4 py-2 text-sm">
            {from !== today ? <Link href={`/schedule/windows/${w.id}`}>Back to today</Link> : <span />}
            {next ? <Link href={`/schedule/windows/${w.id}?from=${next}`}>Later occurrences →</Link> : null}
          </div>
        </Card>
        <div className="space-y-5">
          <Card>
            <CardHeader title="Cancelled occurrences" />
            <p className="p-4 text-sm">
              {w.cancelledOccurrences.length
                ? w.cancelledOccurrences.map((c) => formatLocal(localToUtc(c, tz), tz)).join(", ")
                : "None"}
            </p>
          </Card>
          {canManage ? (
            <Card>
              <CardHeader title="Manage" />
              <div className="space-y-4 p-4">
                {w.rrule ? (
                  <EndSeriesForm defaultDate={today} run={endSeriesAction.bind(null, w.id)} />
                ) : null}
                <ConfirmAction
                  label="Delete window"
                  title={`Delete ${w.title}?`}
                  description="All its occurrences disappear from the calendar and feeds. Changes already planned in it will show as outside any window. The audit trail keeps a record."
                  confirmLabel="Delete window"
                  variant="danger"
                  run={deleteWindowAction.bind(null, w.id, w.sequence)}
                  redirectTo={`/schedule?site=${w.siteCode}`}
                />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
