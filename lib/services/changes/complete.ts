import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canTransition, completionAction, pssrRequired } from "@/lib/domain/changes";
import { completeChangeSchema, type CompleteChangeInput } from "@/lib/schemas/changes";
import { appendAudit } from "@/lib/audit/append";
import {
  completionIntegrityRefusal,
  type CompletionIntegrityRefusal,
} from "@/lib/domain/changes/supply-chain";
import { ServiceError, conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { integrityAuditDetails, recordIntegrityCheck } from "./internal/integrity-check";
import { implementRefusal } from "./internal/access";
import { findVisibleChange, loadContext } from "./internal/load";
import { writeTransition } from "./internal/write-transition";
import { draftRevert } from "./internal/temporary";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

const CLOCK_SKEW_MS = 60_000;

/**
 * Records the outcome of an implementation: success → implemented, failed → failed,
 * rolled_back → rolled_back (notes required for the last two). When safety had to sign
 * before the start, a successful change moves straight on to "PSSR pending": the
 * pre-startup safety review is owed, and nobody has to remember to ask for it.
 *
 * A patch or firmware update is reported successful only with the integrity check of what was
 * installed (NERC CIP-010 R1.6), checked under the row lock and stored with the change. A check
 * that fails refuses the success; the refusal is committed to the trail (a file that does not
 * match its vendor's hash is a security event, not a typo) and thrown after the commit.
 */
export async function completeChange(
  actor: Actor,
  id: string,
  input: CompleteChangeInput,
): Promise<ChangeView> {
  const data = parseInput(completeChangeSchema, input, "The outcome");
  const db = await getDb();
  const done = await db.transaction(async (tx): Promise<ChangeView | CompletionIntegrityRefusal> => {
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
    const check = data.integrity ?? null;
    const refused = completionIntegrityRefusal(locked.type, data.outcome, check);
    if (refused?.code === "integrity_missing")
      throw invalid(refused.message, [{ path: refused.path, message: refused.message }]);
    if (refused) {
      await appendAudit(tx, actor, {
        action: "change.integrity_refused",
        objectType: "change",
        objectId: locked.id,
        siteId: locked.siteIds[0] ?? null,
        after: { number: locked.number, outcome: data.outcome, integrity: integrityAuditDetails(check!) },
        reason: refused.message,
      });
      return refused;
    }
    if (check) {
      // The check is evidence a person gives: it names who checked the file.
      if (!actor.userId) throw forbidden("Only a signed-in person can record an integrity check.");
      await recordIntegrityCheck(tx, locked.id, check, actor.userId, now);
    }
    let row = await writeTransition(tx, actor, locked, t.to, "change.complete", {
      now,
      set: { actualStart, actualEnd, outcome: data.outcome, outcomeNotes: data.notes || null },
      reason: data.notes || null,
      details: {
        outcome: data.outcome,
        actualStart: actualStart.toISOString(),
        actualEnd: actualEnd.toISOString(),
        ...(check ? { integrity: integrityAuditDetails(check) } : {}),
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
    await draftRevert(tx, actor, ctx, now);
    return buildChangeView(tx, actor, await loadContext(tx, row), now);
  });
  if ("code" in done) {
    throw new ServiceError("invalid", done.message, {
      errors: [{ path: done.path, message: done.message }],
      reasons: [{ code: done.code, message: done.message }],
    });
  }
  return done;
}
