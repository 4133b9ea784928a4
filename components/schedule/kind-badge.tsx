import { Ban, Wrench } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { WindowKind } from "@/lib/domain/constants";

export function WindowKindBadge({ kind }: { kind: WindowKind }) {
  return kind === "blackout" ? (
    <Badge tone="red">
      <Ban className="mr-1 size-3" aria-hidden="true" />
      Blackout
    </Badge>
  ) : (
    <Badge tone="green">
      <Wrench className="mr-1 size-3" aria-hidden="true" />
      Maintenance
    </Badge>
  );
}
