import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecisionsTable } from "@/components/board/decisions-table";
import { PrintButton } from "@/components/changes/print-button";
import { SiteTime } from "@/components/changes/site-time";
import { requireActor } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/base/errors";
import { getMeeting } from "@/lib/services/board/get-meeting";

export const metadata: Metadata = { title: "Board minutes" };

/** The printable minutes: attendees, decisions (with the board sign-off each recorded), notes. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const m = await getMeeting(actor, id).catch((e) => {
    if (isServiceError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <article
      className="mx-auto max-w-4xl space-y-4 bg-white p-6 text-sm text-slate-900"
      data-testid="minutes"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-xs text-slate-600">
            Change board minutes · {m.siteName} ({m.siteCode})
          </p>
          <h1 className="text-xl font-semibold">{m.title}</h1>
          <p>
            <SiteTime at={m.startsAt} zone={m.timeZone} /> · {m.durationMinutes} minutes · Chair:{" "}
            {m.chairName} ({m.chairEmail})
          </p>
          <p className="text-slate-700">
            {m.closedAt ? (
              <>
                Minutes closed <SiteTime at={m.closedAt} zone={m.timeZone} />
              </>
            ) : (
              "Draft: the meeting is still open."
            )}
          </p>
        </div>
        <div className="print:hidden">
          <PrintButton />
        </div>
      </header>
      <section aria-labelledby="attendees-h">
        <h2 id="attendees-h" className="mb-1 text-base font-semibold">
          Attendees
        </h2>
        {m.attendees.length ? (
          <ul className="list-disc pl-5">
            {m.attendees.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-700">None recorded.</p>
        )}
      </section>
      <section aria-labelledby="decisions-h">
        <h2 id="decisions-h" className="mb-1 text-base font-semibold">
          Decisions ({m.decisions.length})
        </h2>
        <DecisionsTable items={m.decisions} zone={m.timeZone} />
      </section>
      <section aria-labelledby="notes-h">
        <h2 id="notes-h" className="mb-1 text-base font-semibold">
          Notes
        </h2>
        <p className="whitespace-pre-wrap">{m.notes || "No notes."}</p>
      </section>
    </article>
  );
}
