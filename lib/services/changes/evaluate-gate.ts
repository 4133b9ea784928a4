import "server-only";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { gateQuerySchema } from "@/lib/schemas/changes";
import { auditGateDecision, decideGate, gateResult } from "./internal/decide-gate";
import { findVisibleChange, loadContext } from "./internal/load";
import type { ClientInfo, GateResult } from "@/lib/types/changes";

/**
 * The gate's decision for this actor now or at `at`, without starting anything: what
 * deployment tooling asks before it touches a controller. Audited like a real decision,
 * marked as a dry run.
 */
export async function evaluateGateFor(
  actor: Actor,
  id: string,
  at?: Date | string | null,
  client: ClientInfo = {},
): Promise<GateResult> {
  const parsed = parseInput(gateQuerySchema, { at: at ?? undefined }, "The gate query");
  const when = parsed.at ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ctx = await loadContext(tx, await findVisibleChange(tx, actor, id));
    const decision = await decideGate(tx, actor, ctx, when);
    await auditGateDecision(tx, actor, ctx, decision, { dryRun: true, at: when, client });
    return gateResult(decision);
  });
}
