import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canTransition } from "@/lib/domain/changes";
import { transitionReasonSchema, type TransitionReasonInput } from "@/lib/schemas/changes";
import { conflict } from "@/lib/services/base/errors";
import { requireManage } from "./internal/access";
import { findVisibleChange, loadContext } from "./internal/load";
import { writeTransition } from "./internal/write-transition";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";

/**
 * rejected → draft opens a new approval round: the rejection and every sign-off of the old
 * round stop counting, and the resubmitted change is signed afresh. approved → draft keeps the
 * round (lib/domain/changes/state-machine.ts): the edits made in the draft decide, through the
 * superseding rules, which sign-offs survive, and a resubmit with all of them intact approves
 * at once.
 */
export async function reviseChange(
  actor: Actor,
  id: string,
  input: TransitionReasonInput = {},
): Promise<ChangeView> {
  const { reason } = parseInput(transitionReasonSchema, input, "The revision");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await findVisibleChange(tx, actor, id, { forUpdate: true });
    requireManage(actor, locked.siteIds);
    const t = canTransition(locked.state, "revise");
    if (!t.ok) throw conflict(t.reason);
    const now = currentTime();
    const round = t.newRound ? locked.approvalRound + 1 : locked.approvalRound;
    const row = await writeTransition(tx, actor, locked, t.to, "change.revise", {
      now,
      set: { approvalRound: round, approvedAt: null, submittedAt: null },
      reason: reason || null,
      details: { fromRound: locked.approvalRound, round, newRound: t.newRound },
    });
    return buildChangeView(tx, actor, await loadContext(tx, row), now);
  });
}
