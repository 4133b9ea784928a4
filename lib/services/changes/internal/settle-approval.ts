import "server-only";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { approvalOutcome, evaluateSignoffs } from "@/lib/domain/changes";
import type { ChangeContext, ChangeRow } from "./load";
import { writeTransition } from "./write-transition";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

/**
 * The automatic transitions of a submitted change: approved once every pre-start sign-off of
 * the round is there (an emergency change's retrospective ones may follow), rejected as soon as
 * a required approver rejects. Called after each sign-off and after a submit, whose round may
 * still hold valid sign-offs (a change revised from approved keeps its round).
 */
export async function settleApproval(
  tx: Tx,
  actor: Actor,
  ctx: ChangeContext,
  now: Date,
): Promise<ChangeRow> {
  if (ctx.row.state !== "submitted") return ctx.row;
  const evaluation = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound);
  const outcome = approvalOutcome(evaluation);
  if (outcome === "approved") {
    const pending = evaluation.missing.map(
      (r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`,
    );
    return writeTransition(tx, actor, ctx.row, "approved", "change.approve", {
      now,
      set: { approvedAt: now },
      reason: pending.length
        ? `Emergency change approved to start; retrospective sign-offs still owed: ${pending.join(", ")}`
        : `Every required sign-off of round ${ctx.row.approvalRound} is given`,
      details: { round: ctx.row.approvalRound, retrospectiveOwed: pending },
    });
  }
  if (outcome === "rejected") {
    const by = evaluation.rejected.map(
      (s) => `${SIGNOFF_ROLE_LABELS[s.role]}${s.signerName ? ` by ${s.signerName}` : ""}`,
    );
    return writeTransition(tx, actor, ctx.row, "rejected", "change.reject", {
      now,
      reason: `Rejected: ${by.join(", ")}`,
      details: { round: ctx.row.approvalRound, rejectedBy: evaluation.rejected.map((s) => s.id) },
    });
  }
  return ctx.row;
}
