import "server-only";
import { and, desc, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signingDelegations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { delegationListSchema } from "@/lib/schemas/delegations";
import { requireScope } from "@/lib/services/authorize";
import { parseInput } from "@/lib/services/base/parse-input";
import type { DelegationView } from "@/lib/types/delegations";
import { selectDelegations, visibleDelegations } from "./internal/select";
import { delegationView } from "./internal/view";

/**
 * Delegations the caller may see, "current" (in force or upcoming, not revoked) by default,
 * "past" (ended or revoked) or "all"; soonest ending first for current, newest first otherwise.
 */
export async function listDelegations(actor: Actor, input: unknown = {}): Promise<DelegationView[]> {
  requireScope(actor, "read");
  if (!actor.userId) return [];
  const { state } = parseInput(delegationListSchema, input ?? {}, "The filter");
  const db = await getDb();
  const now = currentTime();
  const byState =
    state === "current"
      ? and(gt(signingDelegations.endsAt, now), isNull(signingDelegations.revokedAt))
      : state === "past"
        ? or(lte(signingDelegations.endsAt, now), isNotNull(signingDelegations.revokedAt))
        : undefined;
  const rows = await selectDelegations(db, and(visibleDelegations(actor), byState)).orderBy(
    state === "current" ? signingDelegations.endsAt : desc(signingDelegations.createdAt),
  );
  return rows.map((r) => delegationView(r, now));
}
