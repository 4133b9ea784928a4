import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb } from "@/db/client";
import { recordGateCheck } from "@/lib/audit/gate-checks";
import type { Actor } from "@/lib/auth/actor";
import { gateQuerySchema } from "@/lib/schemas/changes";
import { decideGate, gateResult } from "./internal/decide-gate";
import { loadVisibleContext } from "./internal/load-one";
import type { ClientInfo, GateResult } from "@/lib/types/changes";

/**
 * The gate's decision for this actor now or at `at`, without starting anything: what
 * deployment tooling asks before it touches a controller, and what the start dialog shows.
 * Recorded in the gate-check log (outside the hash chain, so tools may poll without queueing
 * behind every writer); a real start attempt is decided again and chained by `startChange`.
 */
export async function evaluateGateFor(
  actor: Actor,
  id: string,
  at?: Date | string | null,
  client: ClientInfo = {},
): Promise<GateResult> {
  const parsed = parseInput(gateQuerySchema, { at: at ?? undefined }, "The gate query");
  const now = currentTime();
  const when = parsed.at ?? now;
  // No transaction: it would add BEGIN and COMMIT for nothing, as each statement reads committed
  // data either way and the log entry is one statement (a count bump or an insert).
  const db = await getDb();
  const ctx = await loadVisibleContext(db, actor, id);
  const result = gateResult(await decideGate(db, actor, ctx, when));
  await recordGateCheck(db, actor, {
    changeId: ctx.row.id,
    siteId: ctx.row.siteIds[0]!,
    changeState: ctx.row.state,
    changeVersion: ctx.row.version,
    askedFor: parsed.at ?? null,
    allowed: result.allowed,
    reasons: result.reasons,
    userAgent: client.userAgent ?? null,
    now,
  });
  return result;
}
