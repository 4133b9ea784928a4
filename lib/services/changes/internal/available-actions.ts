import "server-only";
// What this actor may do with this change now, and in plain words why not otherwise. The
// services re-check every one of these under a row lock; this is what the UI shows.
import type { Actor } from "@/lib/auth/actor";
import { hasRoleAt } from "@/lib/auth/permissions";
import { SIGNOFF_GRANT_ROLE, canTransition, pssrRequired, type GateDecision } from "@/lib/domain/changes";
import { signingWarnings } from "@/lib/domain/changes/supply-chain";
import { signingAuthority } from "@/lib/domain/delegation/signing";
import { SIGNOFF_ROLES, type ChangeState } from "@/lib/domain/constants";
import { implementRefusal, closeRefusal, manageRefusal } from "./access";
import { closeBlockers, submitIssues } from "./preconditions";
import { actorFacts, type ChangeContext } from "./load";
import type { ActionAvailability, SignOption } from "@/lib/types/changes";
import { CHANGE_STATE_LABELS } from "@/lib/domain/labels";

export const EDITABLE_STATES: readonly ChangeState[] = ["draft", "submitted", "approved"];

/** Why the change cannot be edited in its state, or null. Rejected changes are revised first (new round). */
export function editStateRefusal(state: ChangeState): string | null {
  if (EDITABLE_STATES.includes(state)) return null;
  if (state === "rejected") return "Revise the rejected change first; revising starts a new approval round.";
  return `A change in state "${CHANGE_STATE_LABELS[state]}" can no longer be edited.`;
}

function option(available: boolean, reason: string | null) {
  return { available, reason: available ? null : reason };
}

export function signOptions(actor: Actor, ctx: ChangeContext): SignOption[] {
  const out: SignOption[] = [];
  const facts = actorFacts(actor);
  const sites = [...new Map(ctx.assets.map((a) => [a.siteId, a.siteCode])).entries()];
  for (const role of SIGNOFF_ROLES) {
    const grant = SIGNOFF_GRANT_ROLE[role];
    const mySites = sites.filter(([id]) => hasRoleAt(actor, grant, id));
    if (mySites.length === 0) continue;
    if (role === "pssr" && !pssrRequired(ctx.facts)) continue;
    // Operations signs once per site; the other roles once per change.
    const targets: [string | null, string | null][] =
      role === "operations"
        ? mySites.filter(([id]) => ctx.required.some((r) => r.role === "operations" && r.siteId === id))
        : [[null, null]];
    for (const [siteId, siteCode] of targets) {
      const verdict = signingAuthority(ctx.facts, ctx.counted, facts, role, siteId, ctx.required);
      if (!verdict.ok && verdict.code === "not_required") continue;
      const code = verdict.ok ? (sites.find(([id]) => id === verdict.siteId)?.[1] ?? siteCode) : siteCode;
      out.push({
        role,
        siteCode: code,
        ...option(verdict.ok, verdict.ok ? null : verdict.reason),
        onBehalfOfName: verdict.ok ? (verdict.onBehalfOf?.delegatorName ?? null) : null,
        acknowledge: signingWarnings(ctx.facts, role, "approve"),
      });
    }
  }
  return out;
}

/** `gate`: the gate at now for this actor, when the change is approved (null otherwise). */
export function changeActions(
  actor: Actor,
  ctx: ChangeContext,
  gate: GateDecision | null,
  now: Date,
  signing: SignOption[],
): ActionAvailability[] {
  const { row } = ctx;
  const manage = manageRefusal(actor, row.siteIds);
  const transition = (action: Parameters<typeof canTransition>[1]) => {
    const t = canTransition(row.state, action, { pssrRequired: pssrRequired(ctx.facts) });
    return t.ok ? null : t.reason;
  };

  const editRefusal = editStateRefusal(row.state) ?? manage;

  let submitRefusal = transition("submit") ?? manage;
  if (!submitRefusal) {
    const issues = submitIssues(ctx, now);
    if (issues.length) submitRefusal = `Not ready to submit: ${issues.map((i) => i.message).join("; ")}`;
  }

  const signable = signing.find((o) => o.available);
  const signRefusal = signable
    ? null
    : (signing[0]?.reason ?? "You hold no role that must sign this change now.");

  let startRefusal = transition("start");
  if (!startRefusal && gate && !gate.allowed) startRefusal = gate.reasons.map((r) => r.message).join("; ");

  const completeRefusal =
    (row.state === "in_progress" ? null : transition("complete")) ?? implementRefusal(actor, row);

  let closeReason = transition("close") ?? closeRefusal(actor, row);
  if (!closeReason) {
    const blockers = closeBlockers(ctx);
    if (blockers.length) closeReason = blockers.join("; ");
  }

  return [
    { action: "edit", ...option(editRefusal === null, editRefusal) },
    { action: "submit", ...option(submitRefusal === null, submitRefusal) },
    {
      action: "cancel",
      ...option((transition("cancel") ?? manage) === null, transition("cancel") ?? manage),
    },
    {
      action: "revise",
      ...option((transition("revise") ?? manage) === null, transition("revise") ?? manage),
    },
    { action: "sign", ...option(signRefusal === null, signRefusal) },
    {
      action: "start",
      ...option(startRefusal === null, startRefusal),
      reasons: gate ? gate.reasons.map((r) => ({ code: r.code, message: r.message, data: r.data })) : [],
    },
    { action: "complete", ...option(completeRefusal === null, completeRefusal) },
    { action: "close", ...option(closeReason === null, closeReason) },
  ];
}
