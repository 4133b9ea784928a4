import { Printer } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ObjectHeader } from "@/components/ui/object-header";
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
    <ObjectHeader
      eyebrow={change.number}
      title={change.title}
      badges={
        <>
          <StateBadge state={change.state} />
          <ClassBadge cls={change.class} />
          <RiskBadge risk={change.risk} />
          {change.overdueRetrospective.length > 0 ? <OverdueFlag /> : null}
          <span className="text-xs text-slate-600">
            {CHANGE_TYPE_LABELS[change.type]} · version {change.version}
          </span>
        </>
      }
      actions={
        <>
          {trailLink}
          <Button asChild size="sm">
            <Link href={`/changes/${change.id}/print`}>
              <Printer className="size-4" aria-hidden="true" />
              Printable record
            </Link>
          </Button>
          <RecordPdfLink changeId={change.id} />
        </>
      }
      facts={[
        { label: "Site", value: change.sites.map((s) => s.name).join(", ") || "—" },
        {
          label: "Planned slot",
          value:
            change.plannedStart && change.plannedEnd ? (
              <time
                dateTime={change.plannedStart}
                title={`${formatUtc(change.plannedStart)} – ${formatUtc(change.plannedEnd)}`}
              >
                {formatLocalRange(new Date(change.plannedStart), new Date(change.plannedEnd), zone)}
              </time>
            ) : (
              "Not planned yet"
            ),
        },
        { label: "Implementer", value: change.implementerName ?? "Not named yet" },
        { label: "Requested by", value: change.requesterName },
      ]}
    >
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
    </ObjectHeader>
  );
}
