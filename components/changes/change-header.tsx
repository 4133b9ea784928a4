import { Printer } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatLocalRange } from "@/lib/domain/schedule/time";
import { formatUtc } from "@/lib/domain/site-time";
import type { ChangeView } from "@/lib/types/changes";
import type { SiteContact } from "@/lib/types/sites";
import { RecordPdfLink } from "./record-pdf-link";
import { ClassBadge, OverdueFlag, RiskBadge, StateBadge } from "./badges";
import { LifecycleStepper } from "./lifecycle-stepper";
import { SignoffProgress } from "./signoff-progress";
import { SiteTime } from "./site-time";
import { CHANGE_TYPE_LABELS } from "@/lib/domain/labels";
import { TemporaryNotice } from "./temporary-notice";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The change's name, where it stands and the facts people look for first. */
export function ChangeHeader({
  change,
  zone,
  trailLink,
  contacts,
}: {
  change: ChangeView;
  zone: string;
  contacts: readonly SiteContact[];
  /** The audit engineer's link to the filtered trail, when the viewer may see it. */
  trailLink?: React.ReactNode;
}) {
  return (
    <header className="mb-4 space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-xs text-slate-600">{change.number}</p>
          <h1 className="text-xl font-semibold text-slate-900">{change.title}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-1.5" data-testid="change-badges">
            <StateBadge state={change.state} />
            <ClassBadge cls={change.class} />
            <RiskBadge risk={change.risk} />
            {change.overdueRetrospective.length > 0 ? <OverdueFlag /> : null}
            <span className="text-xs text-slate-600">
              {CHANGE_TYPE_LABELS[change.type]} · version {change.version}
            </span>
          </div>
        </div>
        <div className="flex gap-2 print:hidden">
          {trailLink}
          <Button asChild size="sm">
            <Link href={`/changes/${change.id}/print`}>
              <Printer className="size-4" aria-hidden="true" />
              Printable record
            </Link>
          </Button>
          <RecordPdfLink changeId={change.id} />
        </div>
      </div>
      <dl
        className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 sm:grid-cols-4"
        data-testid="key-facts"
      >
        <Fact label="Site">{change.sites.map((s) => s.name).join(", ") || "—"}</Fact>
        <Fact label="Planned slot">
          {change.plannedStart && change.plannedEnd ? (
            <time
              dateTime={change.plannedStart}
              title={`${formatUtc(change.plannedStart)} – ${formatUtc(change.plannedEnd)}`}
            >
              {formatLocalRange(new Date(change.plannedStart), new Date(change.plannedEnd), zone)}
            </time>
          ) : (
            "Not planned yet"
          )}
        </Fact>
        <Fact label="Implementer">{change.implementerName ?? "Not named yet"}</Fact>
        <Fact label="Requested by">{change.requesterName}</Fact>
      </dl>
      <LifecycleStepper change={change} />
      <TemporaryNotice change={change} zone={zone} />
      <SignoffProgress change={change} contacts={contacts} />
      {change.retrospectiveDueAt && change.class === "emergency" ? (
        <p
          className={`text-sm ${change.overdueRetrospective.length ? "font-medium text-red-800" : "text-amber-900"}`}
          data-testid="retrospective-deadline"
        >
          Emergency change: remaining sign-offs due by <SiteTime at={change.retrospectiveDueAt} zone={zone} />
          {change.overdueRetrospective.length ? " — overdue" : ""}
        </p>
      ) : null}
    </header>
  );
}
