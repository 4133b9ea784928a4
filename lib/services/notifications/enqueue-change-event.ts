import "server-only";
import type { Tx } from "@/db/client";
import { enqueue } from "@/lib/jobs/queue";
import type { ChangeState } from "@/lib/domain/constants";

/** What happened to a change, as the notification fan-out and the webhooks see it. */
export const CHANGE_EVENTS = [
  "change.submit",
  "change.approve",
  "change.reject",
  "change.start",
  "change.complete",
  "change.pssr",
  "change.cancel",
  "gate.refused",
  "signoff.supersede",
] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];

export const CHANGE_EVENT_JOB = "notify.change_event";

export interface ChangeEventPayload {
  [key: string]: unknown;
  event: ChangeEvent;
  eventId: string;
  changeId: string;
  actorId: string | null;
  occurredAt: string;
  /** The change as it was at the event (webhook receivers get this, not a later state). */
  change: {
    number: string;
    title: string;
    state: ChangeState;
    version: number;
    class: string;
    type: string;
    risk: string;
    approvalRound: number;
    plannedStart: string | null;
    plannedEnd: string | null;
    siteIds: string[];
  };
  details?: Record<string, unknown>;
}

type EventRow = { id: string; plannedStart: Date | null; plannedEnd: Date | null } & Omit<
  ChangeEventPayload["change"],
  "plannedStart" | "plannedEnd"
>;

/**
 * Queues the event inside the transaction that causes it: it is delivered exactly when the
 * cause commits, and the request pays one insert. Who is told, by which channel and which
 * webhooks fire is decided later by the job (handle-change-event.ts).
 */
export async function enqueueChangeEvent(
  tx: Tx,
  event: ChangeEvent,
  row: EventRow,
  opts: { actorId: string | null; now: Date; details?: Record<string, unknown> },
): Promise<void> {
  const payload: ChangeEventPayload = {
    event,
    eventId: crypto.randomUUID(),
    changeId: row.id,
    actorId: opts.actorId,
    occurredAt: opts.now.toISOString(),
    change: {
      number: row.number,
      title: row.title,
      state: row.state,
      version: row.version,
      class: row.class,
      type: row.type,
      risk: row.risk,
      approvalRound: row.approvalRound,
      plannedStart: row.plannedStart?.toISOString() ?? null,
      plannedEnd: row.plannedEnd?.toISOString() ?? null,
      siteIds: row.siteIds,
    },
    ...(opts.details ? { details: opts.details } : {}),
  };
  await enqueue(tx, { kind: CHANGE_EVENT_JOB, payload, runAt: opts.now });
}
