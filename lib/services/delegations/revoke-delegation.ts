import "server-only";
import { mayEndDelegation, type DelegableRole } from "@/lib/domain/delegation/rules";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signingDelegations } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { isoUtc } from "@/lib/domain/changes";
import { revokeDelegationSchema } from "@/lib/schemas/delegations";
import { requireScope } from "@/lib/services/authorize";
import { conflict, forbidden, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { uuid } from "@/lib/schemas/common";
import type { DelegationView } from "@/lib/types/delegations";
import { notifyDelegationParties } from "./internal/notify-parties";
import { selectDelegations, visibleDelegations } from "./internal/select";
import { delegationAudit, delegationView } from "./internal/view";

/**
 * Ends a delegation now (or before it starts): by the delegator, the delegate (declining it), or
 * a change manager of the site. Sign-offs already given under it stay, with both names. The
 * parties other than whoever ended it are notified.
 */
export async function revokeDelegation(
  actor: Actor,
  id: string,
  input: unknown = {},
): Promise<DelegationView> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a person can end a delegation.");
  requireScope(actor, "write");
  const { reason } = parseInput(revokeDelegationSchema, input ?? {}, "The request");
  if (!uuid.safeParse(id).success) throw notFound("Delegation");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: signingDelegations.id })
      .from(signingDelegations)
      .where(eq(signingDelegations.id, id))
      .for("update");
    const [row] = locked
      ? await selectDelegations(tx, and(eq(signingDelegations.id, id), visibleDelegations(actor)))
      : [];
    if (!row) throw notFound("Delegation");
    if (!mayEndDelegation(actor, row))
      throw forbidden(
        `Only ${row.delegatorName}, ${row.delegateName} or a change manager at ${row.siteName} may end this delegation.`,
      );
    const now = currentTime();
    if (row.revokedAt) throw conflict("This delegation was already ended.");
    if (row.endsAt <= now) throw conflict("This delegation is already over.");
    await tx
      .update(signingDelegations)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(eq(signingDelegations.id, id));
    await appendAudit(tx, actor, {
      action: "delegation.revoke",
      objectType: "delegation",
      objectId: row.id,
      siteId: row.siteId,
      before: delegationAudit(row),
      after: { revokedAt: isoUtc(now), revokedByName: actor.name },
      reason: reason || null,
    });
    await notifyDelegationParties(
      tx,
      { ...row, role: row.role as DelegableRole },
      { kind: "ended", byId: actor.userId!, byName: actor.name },
      now,
    );
    return delegationView({ ...row, revokedAt: now, revokedByName: actor.name }, now);
  });
}
