import type { Metadata } from "next";
import { ScheduleMeetingForm } from "@/components/board/schedule-form";
import { MeetingsTable } from "@/components/board/meetings-table";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listMeetings } from "@/lib/services/board/list-meetings";
import { listSites } from "@/lib/services/sites/list-sites";
import { scheduleMeetingAction } from "./actions";

export const metadata: Metadata = { title: "Change board" };

export default async function BoardPage() {
  const actor = await requireActor();
  const [meetings, sites] = await Promise.all([listMeetings(actor), listSites(actor)]);
  const manage = new Set(sitesWithPermission(actor, "board.manage"));
  const chairSites = sites.filter((s) => manage.has(s.id));
  // The next meeting first; closed minutes latest first.
  const open = meetings.filter((m) => !m.closedAt).reverse();
  const closed = meetings.filter((m) => m.closedAt);
  return (
    <>
      <PageHeader
        title="Change board"
        description="Board meetings per site. A meeting's agenda is every change at its site that needs the change board's sign-off, soonest planned start first; the chair records each decision and the minutes."
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] [&>*]:min-w-0">
        <div className="space-y-4">
          <MeetingsTable caption="Upcoming and open meetings" items={open} empty="No open board meetings." />
          <MeetingsTable caption="Closed minutes" items={closed} empty="No closed minutes yet." />
        </div>
        {chairSites.length ? (
          <Card>
            <CardHeader title="Schedule a meeting" description="You chair the meetings you schedule." />
            <ScheduleMeetingForm
              sites={chairSites.map((s) => ({ code: s.code, name: s.name, timeZone: s.timeZone }))}
              action={scheduleMeetingAction}
            />
          </Card>
        ) : (
          <Card className="p-4 text-sm text-slate-700">
            Change managers schedule and chair board meetings; ask your site&apos;s change manager to add one.
          </Card>
        )}
      </div>
    </>
  );
}
