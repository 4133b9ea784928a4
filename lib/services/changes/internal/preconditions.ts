import "server-only";
// Preconditions shared by the services (which refuse) and the change view (which explains
// why a button is unavailable), so both say the same thing.
import {
  EMERGENCY_RETRO_HOURS,
  evaluateSignoffs,
  pssrRequired,
  standardClassIssues,
  submitReadiness,
} from "@/lib/domain/changes";
import type { FieldError } from "@/lib/services/base/errors";
import type { ChangeContext } from "./load";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

/** Missing mandatory fields, a slot already over (when `now` is given), and a "standard" change that is not one. */
export function submitIssues(ctx: ChangeContext, now?: Date): FieldError[] {
  const { row } = ctx;
  const issues: FieldError[] = submitReadiness(
    {
      title: row.title,
      description: row.description,
      justification: row.justification,
      assetIds: ctx.assets.map((a) => a.id),
      implementationPlan: row.implementationPlan,
      backoutPlan: row.backoutPlan,
      plannedStart: row.plannedStart,
      plannedEnd: row.plannedEnd,
      implementerId: row.implementerId,
      type: row.type,
      class: row.class,
    },
    now,
  ).map((i) => ({ path: i.field === "implementerId" ? "implementerEmail" : i.field, message: i.message }));
  for (const message of standardClassIssues(ctx.facts, ctx.risk)) issues.push({ path: "class", message });
  return issues;
}

export function hasValidPssr(ctx: ChangeContext): boolean {
  return ctx.counted.some(
    (s) =>
      s.role === "pssr" && s.decision === "approve" && !s.superseded && s.round === ctx.row.approvalRound,
  );
}

/**
 * Why the change cannot be closed yet, beyond its state: the PSSR where safety had to sign,
 * and, for an emergency change, the sign-offs that were allowed to come after the start
 * (they are owed before the record is closed, not forgiven).
 */
export function closeBlockers(ctx: ChangeContext): string[] {
  const blockers: string[] = [];
  if (pssrRequired(ctx.facts) && !hasValidPssr(ctx)) {
    blockers.push("The pre-startup safety review (PSSR) has not been signed by a safety approver");
  }
  const evaluation = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound);
  for (const req of evaluation.missing) {
    const where = req.siteCode ? ` for ${req.siteCode}` : "";
    const when = req.retrospectiveAllowed
      ? ` (emergency retrospective sign-off, due within ${EMERGENCY_RETRO_HOURS} h of approval)`
      : "";
    blockers.push(`${SIGNOFF_ROLE_LABELS[req.role]} sign-off${where} is still missing${when}`);
  }
  for (const s of evaluation.rejected) {
    blockers.push(
      `${SIGNOFF_ROLE_LABELS[s.role]} sign-off was rejected${s.signerName ? ` by ${s.signerName}` : ""}`,
    );
  }
  return blockers;
}
