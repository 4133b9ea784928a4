import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { changes } from "@/db/schema";
import { appendAudit, type AuditInput } from "@/lib/audit/append";
import type { AuditAfter } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeState } from "@/lib/domain/constants";
import {
  CHANGE_EVENTS,
  enqueueChangeEvent,
  type ChangeEvent,
} from "@/lib/services/notifications/enqueue-change-event";
import type { ChangeRow } from "./load";
import { refreshSignoffSlots } from "./signoff-slots";

type ChangeUpdate = Partial<Omit<typeof changes.$inferInsert, "id" | "number" | "version" | "state">>;

/** The events that move a change from one state to another (lib/audit/events/changes). */
export type TransitionAction =
  | "change.submit"
  | "change.approve"
  | "change.reject"
  | "change.revise"
  | "change.cancel"
  | "change.start"
  | "change.complete"
  | "change.pssr"
  | "change.close";
/** What a transition records besides the number and the states: its own type's fields. */
type Details<A extends TransitionAction> = Omit<AuditAfter<A>, "number" | "state" | "version">;

/**
 * Moves a locked change to a new state, bumps its version (a stale editor must notice a
 * transition too) and records the transition in the same transaction, where its notifications
 * and webhooks are queued too.
 */
export async function writeTransition<A extends TransitionAction>(
  tx: Tx,
  actor: Actor,
  row: ChangeRow,
  to: ChangeState,
  action: A,
  opts: { set?: ChangeUpdate; reason?: string | null; details?: Details<A>; now?: Date } = {},
): Promise<ChangeRow> {
  const now = opts.now ?? currentTime();
  const [updated] = await tx
    .update(changes)
    .set({ ...opts.set, state: to, version: row.version + 1, updatedAt: now, updatedBy: actor.userId })
    .where(eq(changes.id, row.id))
    .returning();
  // TypeScript cannot pair a generic action with its member of the union; appendAudit checks it.
  const event = {
    action,
    objectType: "change",
    objectId: row.id,
    siteId: row.siteIds[0] ?? null,
    before: { state: row.state, version: row.version },
    after: { number: row.number, state: to, version: updated!.version, ...opts.details },
    reason: opts.reason ?? null,
  } as AuditInput;
  await appendAudit(tx, actor, event);
  await refreshSignoffSlots(tx, row.id);
  if ((CHANGE_EVENTS as readonly string[]).includes(action)) {
    await enqueueChangeEvent(tx, action as ChangeEvent, updated!, {
      actorId: actor.userId,
      now,
      details: { ...opts.details, reason: opts.reason ?? null },
    });
  }
  return updated!;
}
