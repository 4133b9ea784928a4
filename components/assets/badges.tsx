import { ShieldAlert } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { type Criticality, type Exposure } from "@/lib/domain/constants";
import { CRITICALITY_LABELS, EXPOSURE_LABELS } from "@/lib/domain/labels";

const CRITICALITY_TONES: Record<Criticality, BadgeTone> = {
  safety_critical: "red",
  production_critical: "amber",
  supporting: "gray",
};

export function CriticalityBadge({ criticality }: { criticality: Criticality }) {
  return <Badge tone={CRITICALITY_TONES[criticality]}>{CRITICALITY_LABELS[criticality]}</Badge>;
}

const EXPOSURE_TONES: Record<Exposure, BadgeTone> = {
  isolated: "gray",
  plant_network: "blue",
  remote_access: "amber",
  internet_facing: "red",
};

export function ExposureBadge({ exposure }: { exposure: Exposure }) {
  return <Badge tone={EXPOSURE_TONES[exposure]}>{EXPOSURE_LABELS[exposure]}</Badge>;
}

/** Safety-related and GxP markers; nothing when neither applies. */
export function AssetFlags({ safetyRelated, gxp }: { safetyRelated: boolean; gxp: boolean }) {
  if (!safetyRelated && !gxp) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {safetyRelated ? (
        <Badge tone="red">
          <ShieldAlert className="mr-0.5 size-3" aria-hidden="true" />
          Safety-related
        </Badge>
      ) : null}
      {gxp ? <Badge tone="purple">GxP</Badge> : null}
    </span>
  );
}

export function purdueLabel(level: number | null): string {
  if (level === null) return "—";
  return level === 3.5 ? "3.5 (DMZ)" : `L${level}`;
}
