import { Badge } from "@/components/ui/badge";
import { formatUtc } from "@/lib/domain/site-time";
import type { UserStatus } from "@/lib/schemas/users";

export function UserStatusBadge({ status, lockedUntil }: { status: UserStatus; lockedUntil?: Date | null }) {
  if (status === "disabled") return <Badge tone="red">Disabled</Badge>;
  if (status === "locked")
    return <Badge tone="amber">{lockedUntil ? `Locked until ${formatUtc(lockedUntil)}` : "Locked"}</Badge>;
  return <Badge tone="green">Active</Badge>;
}
