import { FileText, Printer } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/board/decision-form";
import { DecisionsTable } from "@/components/board/decisions-table";
import { MinutesForm } from "@/components/board/minutes-form";
import { RiskBadge, StateBadge } from "@/components/changes/badges";
import { SiteTime } from "@/components/changes/site-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { isServiceError } from "@/lib/services/base/errors";
import { getMeeting } from "@/lib/services/board/get-meeting";
import { recordDecisionAction, saveMinutesAction } from "../actions";

export const metadata: Metadata = { title: "Board meeting" };

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const m = await getMeeting(actor, id).catch((e) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const decide = recordDecisionAction.bind(null, m.id);
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
              <a href={`/api/v1/board-meetings/${m.id}/minutes.pdf`}>
                <FileText className="size-4" aria-hidden="true" />
                Minutes PDF
              </a>
            </Button>
          </div>
        }
      />
      <div className="space-y-4">
        {m.closedAt ? null : (
          <Card>
            <CardHeader
              title="Agenda"
              description={
                m.canChair
                  ? "Changes that need the change board's sign-off, soonest planned start first. Approve and reject sign for the board with your password, over the content shown."
                  : `Changes that need the change board's sign-off, soonest planned start first. Only the chair (${m.chairName}) records decisions.`
              }
            />
            {m.agenda.length === 0 ? (
              <p className="p-4 text-sm text-slate-700">No change at {m.siteCode} awaits the board.</p>
            ) : (
              <ol className="divide-y divide-slate-100" aria-label="Agenda items">
                {m.agenda.map((a) => (
                  <li key={a.changeId} className="space-y-2 px-4 py-3" data-testid="agenda-item">
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <Link href={`/changes/${a.changeId}`} className="font-mono text-xs">
                        {a.number}
                      </Link>
                      <span className="font-medium text-slate-900">{a.title}</span>
                      <StateBadge state={a.state} />
                      <RiskBadge risk={a.risk} />
                    </div>
                    <p className="text-xs text-slate-700">
                      Planned start:{" "}
                      {a.plannedStart ? (
                        <SiteTime at={a.plannedStart} zone={m.timeZone} />
                      ) : (
                        "not planned yet"
                      )}{" "}
                      · Requested by {a.requesterName} · Also missing:{" "}
                      {a.missing.length
                        ? a.missing
                            .map(
                              (r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`,
                            )
                            .join(", ")
                        : "nothing else"}
                    </p>
                    {m.canChair ? (
                      <DecisionForm
                        changeId={a.changeId}
                        number={a.number}
                        contentHash={a.contentHash}
                        action={decide}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        )}
        <DecisionsTable items={m.decisions} zone={m.timeZone} />
        <Card>
          <CardHeader title="Attendees and notes" />
          {m.canChair ? (
            <MinutesForm
              attendees={m.attendees}
              notes={m.notes}
              action={saveMinutesAction.bind(null, m.id)}
            />
          ) : (
            <div className="space-y-2 p-4 text-sm text-slate-800">
              <p>Attendees: {m.attendees.length ? m.attendees.join(", ") : "none recorded"}</p>
              <p className="whitespace-pre-wrap">{m.notes || "No notes."}</p>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
