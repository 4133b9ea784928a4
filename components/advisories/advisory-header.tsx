import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ObjectHeader } from "@/components/ui/object-header";
import type { ReviewStatus } from "@/lib/domain/advisories/clocks";
import { SiteTime } from "@/components/changes/site-time";
import { formatLocal } from "@/lib/domain/schedule/time";
import { formatUtc } from "@/lib/domain/site-time";
import type { LinkedChange } from "@/lib/types/advisories";
import { KevBadge, ReviewBadge, SeverityBadge } from "./badges";

function Day({ at, zone }: { at: Date | null; zone: string }) {
  if (!at) return <>Not given</>;
  return (
    <time dateTime={at.toISOString()} title={formatUtc(at)}>
      {formatLocal(at, zone, "date")}
    </time>
  );
}

/** An advisory's identifier and title, how bad it is, and what it means for the reader's sites. */
export function AdvisoryHeader({
  a,
  zone,
  counts,
  actions,
}: {
  a: {
    trackingId: string;
    title: string;
    publisher: string;
    revision: string;
    tlp: string | null;
    initialReleaseDate: Date | null;
    importedAt: Date;
    currentReleaseDate: Date | null;
    knownExploited: boolean;
    maxCvss: number | null;
    clock: { status: ReviewStatus; overdue: boolean } | null;
    changes: readonly Pick<LinkedChange, "changeId" | "number">[];
  };
  /** The zone its dates are read in: the reader's first affected site. */
  zone: string;
  /** Assets at the reader's sites: affected, and waiting for a person's decision. */
  counts: { affected: number; unknown: number };
  actions?: React.ReactNode;
}) {
  const revised = a.currentReleaseDate && a.currentReleaseDate.getTime() !== a.initialReleaseDate?.getTime();
  return (
    <ObjectHeader
      title={`${a.trackingId}: ${a.title}`}
      badges={
        <>
          <SeverityBadge score={a.maxCvss} />
          {a.knownExploited ? <KevBadge /> : null}
          {a.clock ? <ReviewBadge status={a.clock.status} overdue={a.clock.overdue} /> : null}
          {a.tlp ? <Badge tone="gray">TLP:{a.tlp}</Badge> : null}
        </>
      }
      actions={actions}
      facts={[
        { label: "Publisher", value: a.publisher },
        { label: "Published", value: <Day at={a.initialReleaseDate} zone={zone} /> },
        {
          label: "Revision",
          value: (
            <>
              {a.revision}
              {revised ? (
                <>
                  {" "}
                  of <Day at={a.currentReleaseDate} zone={zone} />
                </>
              ) : null}
            </>
          ),
        },
        { label: "Imported", value: <SiteTime at={a.importedAt} zone={zone} /> },
        {
          label: "Matched assets",
          value:
            counts.affected + counts.unknown
              ? `${counts.affected} affected, ${counts.unknown} to decide`
              : "None at your sites",
        },
        {
          label: "Drafted changes",
          value: a.changes.length ? (
            <span data-testid="drafted-changes">
              {a.changes.map((c, i) => (
                <span key={c.changeId}>
                  {i ? ", " : ""}
                  <Link href={`/changes/${c.changeId}`}>{c.number}</Link>
                </span>
              ))}
            </span>
          ) : (
            "None yet"
          ),
        },
      ]}
    />
  );
}
