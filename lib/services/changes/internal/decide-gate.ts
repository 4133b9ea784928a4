import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { changeAssets, changes } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import {
  evaluateGate,
  isoUtc,
  type ActorFacts,
  type GateDecision,
  type OtherChangeInProgress,
} from "@/lib/domain/changes";
import { actorFacts, type ChangeContext } from "./load";
import { schedulingRequest } from "@/lib/services/schedule/conflicts-for-change";
import { loadScheduleRows } from "@/lib/services/schedule/schedule-facts";
import { forScheduling, gateConflictsFrom } from "./schedule-seam";
import { modelReasonsForAll } from "./standard-model";
import type { ClientInfo, GateResult } from "@/lib/types/changes";

type InProgressRow = { changeId: string; number: string; assetId: string };

/** Changes in progress on any of these assets (gate rule 4), for one change or a batch. */
async function inProgressRows(
  ex: Executor,
  assetIds: readonly string[],
  exceptChangeId?: string,
): Promise<InProgressRow[]> {
  if (assetIds.length === 0) return [];
  return ex
    .select({ changeId: changes.id, number: changes.number, assetId: changeAssets.assetId })
    .from(changeAssets)
    .innerJoin(changes, eq(changes.id, changeAssets.changeId))
    .where(
      and(
        inArray(changeAssets.assetId, [...assetIds]),
        eq(changes.state, "in_progress"),
        exceptChangeId ? ne(changes.id, exceptChangeId) : undefined,
      ),
    );
}

/** Pure: the other changes in progress on this change's assets, by number. */
function otherChangesInProgress(
  rows: readonly InProgressRow[],
  changeId: string,
  assetIds: readonly string[],
): OtherChangeInProgress[] {
  const mine = new Set(assetIds);
  const byChange = new Map<string, OtherChangeInProgress & { assetIds: string[] }>();
  for (const r of rows) {
    if (r.changeId === changeId || !mine.has(r.assetId)) continue;
    const entry = byChange.get(r.changeId) ?? { changeId: r.changeId, number: r.number, assetIds: [] };
    entry.assetIds.push(r.assetId);
    byChange.set(r.changeId, entry);
  }
  return [...byChange.values()].sort(
    (a, b) => a.number.localeCompare(b.number) || a.changeId.localeCompare(b.changeId),
  );
}

/** One change the gate is asked about, and for whom (a person, or bare facts for a reminder). */
export interface GateQuestion {
  actor: Actor | ActorFacts;
  ctx: ChangeContext;
}

/**
 * The deployment gate for each question at `at`, with every input loaded inside the caller's
 * transaction: a constant number of queries for the whole batch (the in-progress changes on
 * their assets, the schedule rows over their slots, one per standard model version named),
 * then the pure rules per change. The answer for a change does not depend on the batch it is
 * asked in (test/integration/gate-batch.test.ts).
 */
export async function decideGates(
  tx: Executor,
  questions: readonly GateQuestion[],
  at: Date,
): Promise<GateDecision[]> {
  const ctxs = questions.map((q) => q.ctx);
  const assetIdsOf = (ctx: ChangeContext) => ctx.assets.map((a) => a.id);
  const only = ctxs.length === 1 ? ctxs[0]!.row.id : undefined;
  const inProgress = await inProgressRows(tx, [...new Set(ctxs.flatMap(assetIdsOf))], only);
  const requests = ctxs.flatMap(
    (ctx) => schedulingRequest(forScheduling(ctx.row, assetIdsOf(ctx), ctx.known)) ?? [],
  );
  const scheduleRows = await loadScheduleRows(tx, requests);
  const modelReasons = await modelReasonsForAll(tx, ctxs);
  return questions.map(({ actor, ctx }, i) => {
    const assetIds = assetIdsOf(ctx);
    const others = otherChangesInProgress(inProgress, ctx.row.id, assetIds);
    // The gate names in-progress changes on the same asset itself; the scheduling rules report
    // the same clash, so drop theirs rather than list one refusal twice.
    const busy = new Set(others.map((o) => o.changeId));
    const scheduleConflicts = gateConflictsFrom(scheduleRows, ctx.row, assetIds, at, ctx.known).filter(
      (c) => !(c.code === "asset_busy" && typeof c.data?.objectId === "string" && busy.has(c.data.objectId)),
    );
    return evaluateGate(
      ctx.facts,
      ctx.signoffs,
      {
        risk: ctx.risk,
        required: ctx.required,
        content: ctx.content,
        otherChangesInProgress: others,
        scheduleConflicts,
        modelReasons: modelReasons[i]!,
      },
      at,
      "kind" in actor ? actorFacts(actor) : actor,
    );
  });
}

/**
 * The deployment gate for this actor at `at`, with every input loaded inside the caller's
 * transaction. Takes bare facts too: a reminder tells an implementer the gate's answer for them.
 */
export async function decideGate(
  tx: Executor,
  actor: Actor | ActorFacts,
  ctx: ChangeContext,
  at: Date,
): Promise<GateDecision> {
  const [decision] = await decideGates(tx, [{ actor, ctx }], at);
  return decision!;
}

export function gateResult(decision: GateDecision): GateResult {
  return {
    allowed: decision.allowed,
    reasons: decision.reasons.map((r) => ({
      code: r.code,
      message: r.message,
      ...(r.data ? { data: r.data } : {}),
    })),
    warnings: decision.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      acknowledged: w.data.acknowledged,
    })),
    evaluatedAt: isoUtc(decision.evaluatedAt),
  };
}

/**
 * Every real start attempt, allowed or refused, is an audit event in the chain with its reasons.
 * Dry runs go to the gate-check log instead (lib/audit/gate-checks.ts).
 */
export async function auditGateDecision(
  tx: Tx,
  actor: Actor,
  ctx: ChangeContext,
  decision: GateDecision,
  opts: { at: Date; client?: ClientInfo },
): Promise<void> {
  const result = gateResult(decision);
  await appendAudit(tx, actor, {
    action: "gate.decision",
    objectType: "change",
    objectId: ctx.row.id,
    siteId: ctx.row.siteIds[0] ?? null,
    after: {
      number: ctx.row.number,
      allowed: result.allowed,
      dryRun: false,
      at: isoUtc(opts.at),
      evaluatedAt: result.evaluatedAt,
      state: ctx.row.state,
      version: ctx.row.version,
      reasons: result.reasons.map((r) => ({ code: r.code, message: r.message })),
      ...(opts.client?.userAgent ? { userAgent: opts.client.userAgent.slice(0, 200) } : {}),
    },
    reason: result.allowed
      ? `Gate opened for ${ctx.row.number}`
      : `Gate refused ${ctx.row.number}: ${result.reasons.map((r) => r.code).join(", ")}`,
  });
}
