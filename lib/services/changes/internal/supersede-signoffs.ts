import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { signoffs } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { enqueueChangeEvent } from "@/lib/services/notifications/enqueue-change-event";
import type { ChangeRow, SignoffRow } from "./load";
import { refreshSignoffSlots } from "./signoff-slots";

/** Marks sign-offs superseded (never deletes them) and records one audit event per sign-off. */
export async function supersedeSignoffs(
  tx: Tx,
  actor: Actor,
  change: ChangeRow,
  list: readonly SignoffRow[],
  reason: string,
  now: Date,
): Promise<void> {
  if (list.length === 0) return;
  await tx
    .update(signoffs)
    .set({ supersededAt: now, supersededReason: reason })
    .where(
      and(
        inArray(
          signoffs.id,
          list.map((s) => s.id),
        ),
        isNull(signoffs.supersededAt),
      ),
    );
  await refreshSignoffSlots(tx, change.id);
  for (const s of list) {
    await appendAudit(tx, actor, {
      action: "signoff.supersede",
      objectType: "change",
      objectId: change.id,
      siteId: s.siteId ?? change.siteIds[0] ?? null,
      before: { signoffId: s.id, superseded: false },
      after: {
        signoffId: s.id,
        number: change.number,
        round: s.round,
        role: s.role,
        decision: s.decision,
        signerEmail: s.signerEmail,
        signedAt: isoUtc(s.signedAt),
        superseded: true,
        supersededAt: isoUtc(now),
      },
      reason,
    });
  }
  await enqueueChangeEvent(tx, "signoff.supersede", change, {
    actorId: actor.userId,
    now,
    details: { reason, signoffs: list.map((s) => ({ id: s.id, role: s.role, signerEmail: s.signerEmail })) },
  });
}
