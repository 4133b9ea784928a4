import "server-only";
import { currentTime } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import type { OverdueAdvisory } from "@/lib/types/advisories";
import { listAdvisories } from "./list";

/** The advisories past a CIP-007 R2 due date at the actor's sites (dashboard). */
export async function overdueAdvisories(actor: Actor, now = currentTime()): Promise<OverdueAdvisory[]> {
  const list = await listAdvisories(actor, { due: "overdue", sort: "due" }, now);
  return list.flatMap((a) =>
    a.clock?.due && a.status !== "no_match"
      ? [
          {
            id: a.id,
            trackingId: a.trackingId,
            title: a.title,
            status: a.status,
            dueAt: a.clock.due.at,
            timeZone: a.clockTimeZone ?? "UTC",
          },
        ]
      : [],
  );
}
