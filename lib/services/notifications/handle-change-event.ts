import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { changes } from "@/db/schema";
import type { JobHandler } from "@/lib/jobs/worker";
import { loadContext, type ChangeContext } from "@/lib/services/changes/internal/load";
import type { ChangeEventPayload } from "./enqueue-change-event";
import { notifyMany, type NotificationDraft } from "./internal/deliver";
import { changeOwners, signersOf } from "./internal/recipients";
import type { SignoffRole } from "@/lib/domain/constants";
import { queueWebhooks } from "./internal/queue-webhooks";

type Plan = {
  userIds: string[];
  draft: Omit<NotificationDraft, "objectType" | "objectId" | "siteId" | "timeZone" | "dedupeKey">;
};

function reasonsOf(p: ChangeEventPayload): string {
  const reasons = (p.details?.reasons as { message: string }[] | undefined) ?? [];
  return reasons.map((r) => r.message).join("; ");
}

/**
 * The signers' notification, once for those who sign in their own name and once per approver
 * for the delegates signing on their behalf, who are told whose authority they would use.
 */
async function toSigners(
  tx: Executor,
  ctx: ChangeContext,
  now: Date,
  roles: readonly SignoffRole[] | undefined,
  draft: Plan["draft"],
): Promise<Plan[]> {
  const groups = new Map<string | null, string[]>();
  for (const [userId, onBehalfOf] of await signersOf(tx, ctx, roles, now))
    groups.set(onBehalfOf, [...(groups.get(onBehalfOf) ?? []), userId]);
  return [...groups].map(([onBehalfOf, userIds]) => ({
    userIds,
    draft: onBehalfOf
      ? {
          ...draft,
          title: `${draft.title} on behalf of ${onBehalfOf}`,
          body: `${draft.body} ${onBehalfOf} has delegated this signing authority to you: you would sign on their behalf.`,
        }
      : draft,
  }));
}

async function plan(tx: Executor, p: ChangeEventPayload, ctx: ChangeContext, now: Date): Promise<Plan[]> {
  const c = p.change;
  const name = `${c.number} "${c.title}"`;
  const reason = typeof p.details?.reason === "string" ? p.details.reason : null;
  switch (p.event) {
    case "change.submit":
      return toSigners(tx, ctx, now, undefined, {
        kind: "signoff_needed",
        title: `${c.number} needs your sign-off`,
        body: `${name} was ${c.approvalRound > 1 ? "resubmitted" : "submitted"} for approval (round ${c.approvalRound}). You hold a role that must sign it.`,
        dueAt: ctx.row.plannedStart,
        dueLabel: "Planned start",
      });
    case "signoff.supersede":
      return toSigners(tx, ctx, now, undefined, {
        kind: "signoff_needed",
        title: `${c.number} needs your sign-off again`,
        body: `An edit superseded sign-offs on ${name}${reason ? `: ${reason}` : ""}. The edited content needs new sign-offs.`,
        dueAt: ctx.row.plannedStart,
        dueLabel: "Planned start",
      });
    case "change.approve":
      return [
        {
          userIds: changeOwners(ctx),
          draft: {
            kind: "change_approved",
            title: `${c.number} was approved`,
            body: `${name} has every sign-off it needs to start${reason && reason.includes("owed") ? ` (${reason})` : ""}.`,
            dueAt: ctx.row.plannedStart,
            dueLabel: "Planned start",
          },
        },
      ];
    case "change.reject":
      return [
        {
          userIds: changeOwners(ctx),
          draft: {
            kind: "change_rejected",
            title: `${c.number} was rejected`,
            body: `${name}: ${reason ?? "a required approver rejected it"}. Revise it to start a new approval round.`,
          },
        },
      ];
    case "gate.refused":
      return [
        {
          userIds: changeOwners(ctx),
          draft: {
            kind: "gate_refused",
            title: `${c.number} was refused at the gate`,
            body: `Starting ${name} was refused: ${reasonsOf(p) || "the gate did not open"}.`,
          },
        },
      ];
    case "change.pssr":
      return toSigners(tx, ctx, now, ["pssr"], {
        kind: "pssr_pending",
        title: `${c.number} awaits its pre-startup safety review`,
        body: `${name} is implemented; a safety approver must sign the PSSR before it can close.`,
      });
    default:
      return [];
  }
}

/**
 * Fans one change event out: in-app notifications (with e-mail per preference) to exactly the
 * people who act on it, and a delivery per subscribed webhook endpoint. All in one transaction
 * and keyed on the event, so a job re-run after a crash adds nothing twice.
 */
export const handleChangeEvent: JobHandler = async (job, { db, now }) => {
  const p = job.payload as ChangeEventPayload;
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(changes).where(eq(changes.id, p.changeId));
    if (!row) return;
    const ctx = await loadContext(tx, row);
    const planned = await plan(tx, p, ctx, now);
    await notifyMany(
      tx,
      planned.map((one) => ({
        userIds: one.userIds.filter((id) => id !== p.actorId),
        draft: {
          ...one.draft,
          objectType: "change",
          objectId: row.id,
          siteId: row.siteIds[0] ?? null,
          timeZone: ctx.assets[0]?.timeZone ?? "UTC",
          dedupeKey: `event:${p.eventId}`,
        },
      })),
      now,
    );
    await queueWebhooks(tx, p, ctx, now);
  });
};
