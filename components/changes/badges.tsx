import { AlertTriangle, Siren } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ChangeClass, ChangeState, RiskLevel } from "@/lib/domain/constants";
import {
  CHANGE_STATE_FAMILY,
  CHANGE_STATE_LABELS,
  type StateFamily,
  CHANGE_CLASS_LABELS,
  RISK_LABELS,
} from "@/lib/domain/labels";

const FAMILY_TONES: Record<StateFamily, BadgeTone> = {
  preparing: "gray",
  approval: "blue",
  ready: "teal",
  work: "purple",
  done: "green",
  stopped: "red",
  withdrawn: "muted",
};

/** One colour per state family everywhere: lists, change page, inbox, dashboard, print. */
export const STATE_TONES = Object.fromEntries(
  Object.entries(CHANGE_STATE_FAMILY).map(([state, family]) => [state, FAMILY_TONES[family]]),
) as Record<ChangeState, BadgeTone>;

const RISK_TONES: Record<RiskLevel, BadgeTone> = {
  low: "gray",
  medium: "amber",
  high: "red",
  critical: "red",
};

export function StateBadge({ state }: { state: ChangeState }) {
  return <Badge tone={STATE_TONES[state]}>{CHANGE_STATE_LABELS[state]}</Badge>;
}

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  return (
    <Badge tone={RISK_TONES[risk]} className={risk === "critical" ? "font-semibold" : undefined}>
      {RISK_LABELS[risk]} risk
    </Badge>
  );
}

export function ClassBadge({ cls }: { cls: ChangeClass }) {
  if (cls === "emergency") return <EmergencyMarker />;
  return <Badge tone="gray">{CHANGE_CLASS_LABELS[cls]}</Badge>;
}

export function EmergencyMarker() {
  return (
    <Badge tone="red">
      <Siren className="mr-1 size-3" aria-hidden="true" />
      Emergency
    </Badge>
  );
}

/** Emergency retrospective sign-offs past their due time (PRODUCT.md rule 7). */
export function OverdueFlag({ label = "Retrospective sign-off overdue" }: { label?: string }) {
  return (
    <Badge tone="amber">
      <AlertTriangle className="mr-1 size-3" aria-hidden="true" />
      {label}
    </Badge>
  );
}
