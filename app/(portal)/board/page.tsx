import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleMeetingForm } from "@/components/board/schedule-form";
import { SiteTime } from "@/components/changes/site-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
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
  return (
    <>
      <PageHeader
        title="Change board"
        description="Board meetings per site: the agenda is every change that needs the board's sign-off, soonest planned start first."
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] [&>*]:min-w-0">
        <Table caption="Board meetings">
          <thead>
            <tr>
              <Th>Meeting</Th>
              <Th>Site</Th>
              <Th>Starts</Th>
              <Th>Chair</Th>
              <Th>Decisions</Th>
              <Th>Minutes</Th>
            </tr>
          </thead>
          <tbody>
            {meetings.length === 0 ? (
              <EmptyRow colSpan={6}>No board meetings at your sites yet.</EmptyRow>
            ) : (
              meetings.map((m) => (
                <tr key={m.id} data-testid="meeting-row">
                  <Td>
                    <Link href={`/board/${m.id}`} className="font-medium">
                      {m.title}
                    </Link>
                  </Td>
                  <Td>{m.siteCode}</Td>
                  <Td>
                    <SiteTime at={m.startsAt} zone={m.timeZone} />
                  </Td>
                  <Td>{m.chairName}</Td>
                  <Td>{m.decisionCount}</Td>
                  <Td>{m.closedAt ? <Badge tone="green">Closed</Badge> : <Badge tone="blue">Open</Badge>}</Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
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
