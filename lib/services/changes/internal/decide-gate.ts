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
import { loadScheduleConflicts } from "./schedule-seam";
import { modelReasonsFor } from "./standard-model";
import type { ClientInfo, GateResult } from "@/lib/types/changes";

/** Other changes in progress that touch any of these assets (gate rule 4). */
export async function otherChangesInProgress(
  ex: Executor,
  changeId: string,
  assetIds: readonly string[],
): Promise<OtherChangeInProgress[]> {
  if (assetIds.length === 0) return [];
  const rows = await ex
    .select({ changeId: changes.id, number: changes.number, assetId: changeAssets.assetId })
    .from(changeAssets)
    .innerJoin(changes, eq(changes.id, changeAssets.changeId))
    .where(
      and(
        inArray(changeAssets.assetId, [...assetIds]),
        eq(changes.state, "in_progress"),
        ne(changes.id, changeId),
      ),
    );
  const byChange = new Map<string, OtherChangeInProgress & { assetIds: string[] }>();
  for (const r of rows) {
    const entry = byChange.get(r.changeId) ?? { changeId: r.changeId, number: r.number, assetIds: [] };
    entry.assetIds.push(r.assetId);
    byChange.set(r.changeId, entry);
  }
  return [...byChange.values()];
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
  const assetIds = ctx.assets.map((a) => a.id);
  const others = await otherChangesInProgress(tx, ctx.row.id, assetIds);
  // The gate names in-progress changes on the same asset itself; the scheduling rules report the
  // same clash, so drop theirs rather than list one refusal twice.
  const inProgress = new Set(others.map((o) => o.changeId));
  const scheduleConflicts = (await loadScheduleConflicts(tx, ctx.row, assetIds, at, ctx.known)).filter(
    (c) =>
      !(c.code === "asset_busy" && typeof c.data?.objectId === "string" && inProgress.has(c.data.objectId)),
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
      modelReasons: await modelReasonsFor(tx, ctx),
    },
    at,
    "kind" in actor ? actorFacts(actor) : actor,
  );
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
