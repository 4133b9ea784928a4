import Link from "next/link";
import { DecisionForm } from "@/components/board/decision-form";
import { RiskBadge, StateBadge } from "@/components/changes/badges";
import { SiteTime } from "@/components/changes/site-time";
import { Card, CardHeader } from "@/components/ui/card";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import type { BoardDecisionInput } from "@/lib/schemas/board";
import type { FormResult } from "@/lib/schemas/form-result";
import type { BoardMeetingView } from "@/lib/types/board";

/** The open meeting's agenda: each change needing the board, soonest planned start first. */
export function Agenda({
  m,
  decide,
}: {
  m: BoardMeetingView;
  decide: (input: BoardDecisionInput) => Promise<FormResult<null>>;
}) {
  const deciding = m.canChair && m.inSession;
  const signing = deciding && m.attendees.length > 0;
  const description = !m.canChair
    ? `Only the chair (${m.chairName}) records decisions.`
    : !m.inSession
      ? null
      : signing
        ? "Approve and reject sign for the board with your password, over the content shown; defer needs a reason."
        : "Record the attendees above before the board approves or rejects: each sign-off names them.";
  return (
    <Card>
      <CardHeader
        title={`Agenda (${m.agenda.length})`}
        description={
          <>
            Changes at {m.siteCode} that need the change board&apos;s sign-off, soonest planned start first.{" "}
            {description ?? (
              <>
                Decisions are recorded in session, from <SiteTime at={m.sessionOpensAt} zone={m.timeZone} />.
              </>
            )}
          </>
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
                {a.plannedStart ? <SiteTime at={a.plannedStart} zone={m.timeZone} /> : "not planned yet"} ·
                Requested by {a.requesterName} · Also missing:{" "}
                {a.missing.length
                  ? a.missing
                      .map((r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`)
                      .join(", ")
                  : "nothing else"}
              </p>
              {deciding ? (
                <DecisionForm
                  key={String(signing)}
                  changeId={a.changeId}
                  number={a.number}
                  contentHash={a.contentHash}
                  signing={signing}
                  action={decide}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
