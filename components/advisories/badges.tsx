import { Flame } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import {
  CVSS_BAND_LABELS,
  PRIORITY_LEVEL_LABELS,
  cvssBand,
  type CvssBand,
  type Priority,
} from "@/lib/domain/advisories/priority";
import type { MatchStatus } from "@/lib/domain/advisories";
import { REVIEW_STATUS_LABELS, type ReviewStatus } from "@/lib/domain/advisories/clocks";
import { MATCH_LABELS } from "@/lib/domain/labels";

const PRIORITY_TONES: Record<Priority["level"], BadgeTone> = {
  urgent: "red",
  high: "amber",
  medium: "blue",
  low: "gray",
};

export function PriorityBadge({ priority }: { priority: Priority | null }) {
  if (!priority) return <span className="text-slate-500">—</span>;
  return (
    <Badge tone={PRIORITY_TONES[priority.level]}>
      {PRIORITY_LEVEL_LABELS[priority.level]} · {priority.score}
    </Badge>
  );
}

const REVIEW_TONES: Record<ReviewStatus | "no_match", BadgeTone> = {
  decision_due: "amber",
  open: "blue",
  mitigated: "purple",
  resolved: "green",
  not_applicable: "gray",
  no_match: "gray",
};

export const REVIEW_LABELS: Record<ReviewStatus | "no_match", string> = {
  ...REVIEW_STATUS_LABELS,
  no_match: "No affected assets",
};

export function ReviewBadge({ status, overdue }: { status: ReviewStatus | "no_match"; overdue?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={REVIEW_TONES[status]}>{REVIEW_LABELS[status]}</Badge>
      {overdue ? <Badge tone="red">Overdue</Badge> : null}
    </span>
  );
}

export function KevBadge({ ransomware }: { ransomware?: boolean }) {
  return (
    <Badge tone="red">
      <Flame className="mr-0.5 size-3" aria-hidden="true" />
      Known exploited{ransomware ? " · ransomware" : ""}
    </Badge>
  );
}

const MATCH_TONES: Record<MatchStatus, BadgeTone> = {
  affected: "red",
  not_affected: "green",
  unknown: "amber",
};

export function MatchBadge({ status }: { status: MatchStatus }) {
  return <Badge tone={MATCH_TONES[status]}>{MATCH_LABELS[status]}</Badge>;
}

const CVSS_TONES: Record<CvssBand, BadgeTone> = {
  critical: "red",
  high: "amber",
  medium: "blue",
  low: "gray",
  none: "gray",
  unscored: "gray",
};

/** CVSS v3 severity in words with the score ("High · 8.1"); "Not scored" without one. */
export function SeverityBadge({ score }: { score: number | null }) {
  const band = cvssBand(score);
  return (
    <Badge tone={CVSS_TONES[band]}>
      {CVSS_BAND_LABELS[band]}
      {score !== null && band !== "unscored" ? ` · CVSS ${score.toFixed(1)}` : ""}
    </Badge>
  );
}
