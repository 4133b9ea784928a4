import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canTransition, completionAction, pssrRequired } from "@/lib/domain/changes";
import { completeChangeSchema, type CompleteChangeInput } from "@/lib/schemas/changes";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { implementRefusal } from "./internal/access";
import { findVisibleChange, loadContext } from "./internal/load";
import { writeTransition } from "./internal/write-transition";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

const CLOCK_SKEW_MS = 60_000;

/**
 * Records the outcome of an implementation: success → implemented, failed → failed,
 * rolled_back → rolled_back (notes required for the last two). When safety had to sign
 * before the start, a successful change moves straight on to "PSSR pending": the
 * pre-startup safety review is owed, and nobody has to remember to ask for it.
 */
export async function completeChange(
  actor: Actor,
  id: string,
  input: CompleteChangeInput,
): Promise<ChangeView> {
  const data = parseInput(completeChangeSchema, input, "The outcome");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await findVisibleChange(tx, actor, id, { forUpdate: true });
    const who = implementRefusal(actor, locked);
    if (who) throw forbidden(who);
    const t = canTransition(locked.state, completionAction(data.outcome));
    if (!t.ok) throw conflict(t.reason);
    const now = currentTime();
    const actualStart = data.actualStart ?? locked.actualStart ?? now;
    const actualEnd = data.actualEnd ?? now;
    if (actualEnd.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw invalid("The actual end cannot be in the future.", [
        { path: "actualEnd", message: "The actual end cannot be in the future." },
      ]);
    }
    if (actualEnd.getTime() < actualStart.getTime()) {
      throw invalid("The actual end cannot be before the actual start.", [
        { path: "actualEnd", message: "The actual end cannot be before the actual start." },
      ]);
    }
    let row = await writeTransition(tx, actor, locked, t.to, "change.complete", {
      now,
      set: { actualStart, actualEnd, outcome: data.outcome, outcomeNotes: data.notes || null },
      reason: data.notes || null,
      details: {
        outcome: data.outcome,
        actualStart: actualStart.toISOString(),
        actualEnd: actualEnd.toISOString(),
      },
    });
    const ctx = await loadContext(tx, row);
    if (row.state === "implemented" && pssrRequired(ctx.facts)) {
      const p = canTransition(row.state, "request_pssr", { pssrRequired: true });
      if (p.ok) {
        row = await writeTransition(tx, actor, row, p.to, "change.pssr", {
          now,
          reason: "Safety signed before the start: a pre-startup safety review (PSSR) is owed before closing",
        });
      }
    }
    return buildChangeView(tx, actor, await loadContext(tx, row), now);
  });
}
