import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ObjectHeader } from "@/components/ui/object-header";
import type { WindowKind } from "@/lib/domain/constants";
import { durationLabel } from "@/lib/domain/schedule/summary";
import { formatLocalRange } from "@/lib/domain/schedule/time";
import { windowStatusLabel, type WindowStatus } from "@/lib/domain/schedule/window-status";
import { formatUtc } from "@/lib/domain/site-time";
import { WindowKindBadge } from "./kind-badge";

const STATUS_TONES: Record<WindowStatus, BadgeTone> = { open: "green", upcoming: "blue", past: "gray" };
const OCCURRENCE_LABEL: Record<WindowStatus, string> = {
  open: "This occurrence",
  upcoming: "Next occurrence",
  past: "Last occurrence",
};

/** A window's name, kind and where it stands now, with the occurrence people plan around. */
export function WindowHeader({
  title,
  kind,
  siteName,
  timeZone,
  durationMinutes,
  summary,
  rrule,
  areaNames,
  status,
  occurrence,
  booked,
  actions,
}: {
  title: string;
  kind: WindowKind;
  siteName: string;
  timeZone: string;
  durationMinutes: number;
  summary: string;
  /** Null for a one-off, whose time is the occurrence fact itself. */
  rrule: string | null;
  /** Empty for the whole site. */
  areaNames: readonly string[];
  status: WindowStatus;
  occurrence: { start: Date; end: Date } | null;
  /** Changes holding a slot in that occurrence (submitted, approved or in progress). */
  booked: number | null;
  actions?: React.ReactNode;
}) {
  const bookedWord = kind === "blackout" ? "Changes planned during it" : "Changes booked";
  return (
    <ObjectHeader
      title={title}
      badges={
        <>
          <WindowKindBadge kind={kind} />
          <Badge tone={STATUS_TONES[status]}>{windowStatusLabel(kind, status)}</Badge>
        </>
      }
      actions={actions}
      facts={[
        { label: "Site", value: siteName },
        {
          label: OCCURRENCE_LABEL[status],
          value: occurrence ? (
            <time
              dateTime={occurrence.start.toISOString()}
              title={`${formatUtc(occurrence.start)} – ${formatUtc(occurrence.end)}`}
            >
              {formatLocalRange(occurrence.start, occurrence.end, timeZone)}
            </time>
          ) : (
            "None left"
          ),
        },
        { label: "Duration", value: durationLabel(durationMinutes) },
        {
          label: "Schedule",
          value:
            rrule === null ? (
              "Does not repeat"
            ) : (
              <span data-testid="window-summary" title={rrule}>
                {summary}
              </span>
            ),
        },
        { label: "Areas", value: areaNames.length ? areaNames.join(", ") : "Whole site" },
        {
          label: bookedWord,
          value: booked === null ? "—" : `${booked} ${booked === 1 ? "change" : "changes"}`,
        },
      ]}
    />
  );
}
