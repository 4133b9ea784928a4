import { FileText, Printer } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Agenda } from "@/components/board/agenda";
import { DecisionsTable } from "@/components/board/decisions-table";
import { AttendeesForm, NotesForm } from "@/components/board/minutes-form";
import { SiteTime } from "@/components/changes/site-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/base/errors";
import { getMeeting } from "@/lib/services/board/get-meeting";
import { recordDecisionAction, saveMinutesAction } from "../actions";

export const metadata: Metadata = { title: "Board meeting" };

/** A meeting in order of business: roll call, agenda with a decision per item, decisions, notes. */
export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const m = await getMeeting(actor, id).catch((e) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const save = saveMinutesAction.bind(null, m.id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-600">
        <Link href="/board">Change board</Link> <span aria-hidden="true">/</span> {m.siteCode}
      </nav>
      <PageHeader
        title={m.title}
        description={
          <span>
            {m.siteName} · <SiteTime at={m.startsAt} zone={m.timeZone} /> · {m.durationMinutes} minutes ·
            chaired by {m.chairName}{" "}
            {m.closedAt ? <Badge tone="green">Minutes closed</Badge> : <Badge tone="blue">Open</Badge>}
          </span>
        }
        actions={
          <div className="flex gap-2">
            <Button asChild size="sm">
              <Link href={`/board/${m.id}/minutes`}>
                <Printer className="size-4" aria-hidden="true" />
                Printable minutes
              </Link>
            </Button>
            <Button asChild size="sm">
              <a href={`/api/v1/board-meetings/${m.id}/minutes.pdf`} download>
                <FileText className="size-4" aria-hidden="true" />
                Minutes PDF
              </a>
            </Button>
          </div>
        }
      />
      <div className="space-y-4">
        <Card>
          <CardHeader title="Attendees" />
          {m.canChair ? (
            <AttendeesForm attendees={m.attendees} notes={m.notes} action={save} />
          ) : (
            <p className="p-4 text-sm text-slate-800">
              {m.attendees.length ? m.attendees.join(", ") : "None recorded."}
            </p>
          )}
        </Card>
        {m.closedAt ? null : <Agenda m={m} decide={recordDecisionAction.bind(null, m.id)} />}
        <section aria-labelledby="decisions-h" className="space-y-2">
          <h2 id="decisions-h" className="text-sm font-semibold text-slate-900">
            Decisions ({m.decisions.length})
          </h2>
          <DecisionsTable items={m.decisions} zone={m.timeZone} />
        </section>
        <Card>
          <CardHeader title="Notes" />
          {m.canChair ? (
            <NotesForm
              attendees={m.attendees}
              notes={m.notes}
              undecided={m.agenda.length}
              notYetInSession={m.inSession ? undefined : <SiteTime at={m.sessionOpensAt} zone={m.timeZone} />}
              action={save}
            />
          ) : (
            <p className="p-4 text-sm whitespace-pre-wrap text-slate-800">{m.notes || "No notes."}</p>
          )}
        </Card>
      </div>
    </>
  );
}
