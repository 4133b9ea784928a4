import { Badge, type BadgeTone } from "@/components/ui/badge";
import { MODEL_STATUS_LABELS, MODEL_VERSION_STATE_LABELS } from "@/lib/domain/labels";
import type { ModelVersionState } from "@/lib/domain/constants";
import type { ModelStatus } from "@/lib/types/catalog";

const STATUS_TONE: Record<ModelStatus, BadgeTone> = {
  usable: "green",
  awaiting: "amber",
  rejected: "red",
  retired: "muted",
};

const VERSION_TONE: Record<ModelVersionState, BadgeTone> = {
  proposed: "amber",
  approved: "green",
  rejected: "red",
  superseded: "gray",
  retired: "muted",
};

/** A model as a whole: approved (usable), proposed (awaiting the board), rejected, retired. */
export function ModelStatusBadge({ status }: { status: ModelStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{MODEL_STATUS_LABELS[status]}</Badge>;
}

export function VersionStateBadge({ state }: { state: ModelVersionState }) {
  return <Badge tone={VERSION_TONE[state]}>{MODEL_VERSION_STATE_LABELS[state]}</Badge>;
}
