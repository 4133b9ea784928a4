import "server-only";
import { effectiveExpiry } from "@/lib/domain/changes/temporary-extension";
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { changes } from "@/db/schema";
import { sitesWithPermission } from "@/lib/auth/permissions";
import { evaluateSignoffs, type GateDecision } from "@/lib/domain/changes";
import { formatInZone } from "@/lib/domain/site-time";
import type { JobRow } from "@/lib/jobs/queue";
import type { JobContext, JobHandler } from "@/lib/jobs/worker";
import { decideGates } from "@/lib/services/changes/internal/decide-gate";
import { loadContexts, type ChangeContext } from "@/lib/services/changes/internal/load";
import { buildIcs } from "@/lib/services/schedule/ics-build";
import { portalUrl, notifyMany, type NotificationDraft } from "./internal/deliver";
import { changeManagersAt, changeOwners, eligibleSigners, holdersAt } from "./internal/recipients";
import type { ReminderKind } from "./find-due-reminders";
import { temporaryInPlaceRows } from "@/lib/services/changes/internal/temporary-in-place";

type Draft = Omit<NotificationDraft, "objectType" | "objectId" | "siteId" | "timeZone" | "dedupeKey">;

function owedRetrospectiveRoles(ctx: ChangeContext) {
  const e = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound);
  return [...new Set(e.missing.filter((r) => r.retrospectiveAllowed).map((r) => r.role))];
}

type Holders = Awaited<ReturnType<typeof holdersAt>>;

/** The implementer as the gate sees them at this change: their grants at its sites only. */
function implementerFacts(holders: Holders, r: ChangeContext["row"], implementerId: string) {
  const held = holders.get(implementerId);
  const grants = held?.grants.filter((g) => r.siteIds.includes(g.siteId)) ?? [];
  if (!held || grants.length === 0)
    return { userId: implementerId, isAdmin: false, grants: [], implementSiteIds: [] };
  const holder = { ...held, grants };
  return { ...holder, implementSiteIds: sitesWithPermission(holder, "change.implement") };
}

/** A slot reminder still applies: the change is approved, with an implementer and a slot. */
function slotStillDue(r: ChangeContext["row"]): r is ChangeContext["row"] & {
  implementerId: string;
  plannedStart: Date;
  plannedEnd: Date;
} {
  return r.state === "approved" && !!r.implementerId && !!r.plannedStart && !!r.plannedEnd;
}

function slotReminder(
  ctx: ChangeContext,
  now: Date,
  zone: string,
  gate: GateDecision | undefined,
): [string[], Draft] | null {
  const r = ctx.row;
  if (!slotStillDue(r) || !gate) return null;
  const answer = gate.allowed
    ? "The deployment gate would open for you now."
    : `The deployment gate would refuse a start now: ${gate.reasons.map((x) => x.message).join("; ")}.`;
  const site = ctx.assets[0];
  const ics = site
    ? buildIcs({
        site: { code: site.siteCode, name: site.siteName, timeZone: zone },
        windows: [],
        changes: [
          {
            id: r.id,
            number: r.number,
            title: r.title,
            state: r.state,
            version: r.version,
            plannedStart: r.plannedStart,
            plannedEnd: r.plannedEnd,
            areaCodes: [...new Set(ctx.assets.flatMap((a) => (a.areaCode ? [a.areaCode] : [])))],
            updatedAt: r.updatedAt,
          },
        ],
        baseUrl: portalUrl(),
        now,
      })
    : null;
  return [
    [r.implementerId],
    {
      kind: "slot_opening",
      title: `${r.number} opens for you within 24 hours`,
      body: `You implement ${r.number} "${r.title}"; its slot runs ${formatInZone(r.plannedStart, zone)} to ${formatInZone(r.plannedEnd, zone)}. ${answer}`,
      dueAt: r.plannedStart,
      dueLabel: "Slot opens",
      ics,
    },
  ];
}

/** A temporary change in place near or past its expiry: its implementer and the change managers. */
async function temporaryReminder(
  tx: Tx,
  kind: "temporary_expiring" | "temporary_expired",
  ctx: ChangeContext,
  dueAt: Date,
  zone: string,
): Promise<[string[], Draft] | null> {
  const r = ctx.row;
  // Extended since it was found (a new expiry gets its own reminder), or reverted meanwhile.
  const until = effectiveExpiry(r);
  if (!until || until.getTime() !== dueAt.getTime()) return null;
  const [inPlace] = await temporaryInPlaceRows(tx, { scope: eq(changes.id, r.id), limit: 1 });
  if (!inPlace) return null;
  const revert = inPlace.revert ? `Its revert is ${inPlace.revert.number}.` : "No revert is drafted yet.";
  const expired = kind === "temporary_expired";
  return [
    [...(r.implementerId ? [r.implementerId] : []), ...(await changeManagersAt(tx, r.siteIds))],
    {
      kind,
      title: expired
        ? `${r.number}: temporary change expired, not reverted`
        : `${r.number}: temporary change expires ${formatInZone(dueAt, zone)}`,
      body: `${r.number} "${r.title}" is temporary until ${formatInZone(dueAt, zone)}. ${revert} ${
        expired
          ? "The expiry has passed: the assets are still in the temporary state; revert it now."
          : "Plan and submit the revert so that it closes before then."
      }`,
      dueAt,
      dueLabel: expired ? "Expired" : "Expires",
    },
  ];
}

async function plan(
  tx: Tx,
  kind: ReminderKind,
  ctx: ChangeContext,
  now: Date,
  dueAt: Date,
  zone: string,
  message: string | null,
  gate: GateDecision | undefined,
) {
  const r = ctx.row;
  const name = `${r.number} "${r.title}"`;
  switch (kind) {
    case "slot_opening":
      return slotReminder(ctx, now, zone, gate);
    case "retrospective_due":
    case "retrospective_overdue": {
      const roles = owedRetrospectiveRoles(ctx);
      if (roles.length === 0) return null;
      const signers = await eligibleSigners(tx, ctx, roles, now);
      const overdue = kind === "retrospective_overdue";
      return [
        overdue ? [...signers, ...(await changeManagersAt(tx, r.siteIds))] : signers,
        {
          kind,
          title: overdue
            ? `${r.number}: emergency sign-off overdue`
            : `${r.number}: emergency sign-off due within 24 hours`,
          body: `Emergency change ${name} started on its pre-start sign-offs; the remaining ones must follow within 72 hours of approval.`,
          dueAt,
          dueLabel: overdue ? "Was due" : "Due",
        },
      ] as [string[], Draft];
    }
    case "schedule_conflict":
      if (r.state !== "approved") return null;
      return [
        [...changeOwners(ctx), ...(await changeManagersAt(tx, r.siteIds))],
        {
          kind,
          title: `${r.number}: its approved slot is now blocked`,
          body: `${message ?? "A blackout or a critical production run now covers the slot"}. ${name} cannot start in this slot; move it (which needs operations to sign again) or settle the schedule.`,
          dueAt,
          dueLabel: "Planned start",
        },
      ] as [string[], Draft];
    case "temporary_expiring":
    case "temporary_expired":
      return temporaryReminder(tx, kind, ctx, dueAt, zone);
    case "baseline_overdue":
      if (r.state !== "implemented" && r.state !== "pssr_pending") return null;
      return [
        changeOwners(ctx),
        {
          kind,
          title: `${r.number}: asset baseline still to be updated`,
          body: `${name} was implemented 25 days ago and its assets' baseline (firmware or software version) is not yet confirmed; CIP-010 R1.3 allows 30 days.`,
          dueAt: new Date(dueAt.getTime() + 5 * 86_400_000),
          dueLabel: "CIP-010 limit",
        },
      ] as [string[], Draft];
  }
}

interface Payload {
  reminder: ReminderKind;
  changeId: string;
  dueAt: string;
  message?: string;
}

/**
 * The gate's answer now for each change with a slot reminder still due, for its implementer
 * as the gate sees them there: decided for the whole batch at once (decideGates).
 */
async function slotGates(
  tx: Tx,
  payloads: readonly Payload[],
  contexts: ReadonlyMap<string, ChangeContext>,
  now: Date,
): Promise<Map<string, GateDecision>> {
  const due = [
    ...new Set(payloads.filter((p) => p.reminder === "slot_opening").map((p) => p.changeId)),
  ].flatMap((id) => {
    const ctx = contexts.get(id);
    return ctx && slotStillDue(ctx.row) ? [ctx] : [];
  });
  if (due.length === 0) return new Map();
  const holders = await holdersAt(tx, [...new Set(due.flatMap((c) => c.row.siteIds))]);
  const questions = due.map((ctx) => ({
    ctx,
    actor: implementerFacts(holders, ctx.row, ctx.row.implementerId!),
  }));
  const decisions = await decideGates(tx, questions, now);
  return new Map(due.map((ctx, i) => [ctx.row.id, decisions[i]!]));
}

/**
 * Sends the reminders the scheduler found due, each if it still applies when its job runs. The
 * changes, their contexts, the implementers' grants and the gate's answers are read once for
 * the whole batch, and the notifications and mail written together; each gate answer is the
 * change's own.
 */
async function sendReminders(jobs: readonly JobRow[], { db, now }: JobContext): Promise<void> {
  const payloads = jobs.map((j) => j.payload as unknown as Payload);
  await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(changes)
      .where(inArray(changes.id, [...new Set(payloads.map((p) => p.changeId))]));
    const contexts = new Map((await loadContexts(tx, rows)).map((c) => [c.row.id, c]));
    const gates = await slotGates(tx, payloads, contexts, now);
    const items: { userIds: string[]; draft: NotificationDraft }[] = [];
    for (const [i, p] of payloads.entries()) {
      const ctx = contexts.get(p.changeId);
      if (!ctx) continue;
      const zone = ctx.assets[0]?.timeZone ?? "UTC";
      const planned = await plan(
        tx,
        p.reminder,
        ctx,
        now,
        new Date(p.dueAt),
        zone,
        p.message ?? null,
        gates.get(p.changeId),
      );
      if (!planned) continue;
      const [userIds, draft] = planned;
      items.push({
        userIds,
        draft: {
          ...draft,
          objectType: "change",
          objectId: ctx.row.id,
          siteId: ctx.row.siteIds[0] ?? null,
          timeZone: zone,
          dedupeKey: jobs[i]!.idempotencyKey ?? `job:${jobs[i]!.id}`,
        },
      });
    }
    await notifyMany(tx, items, now);
  });
}

/** Sends one reminder the scheduler found due, if it still applies when the job runs. */
export const handleReminder: JobHandler = (job, ctx) => sendReminders([job], ctx);
handleReminder.many = async (jobs, ctx) => {
  await sendReminders(jobs, ctx);
  return true;
};
