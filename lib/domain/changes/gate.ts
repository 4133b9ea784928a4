// The deployment gate (PRODUCT.md "The deployment gate"): the one door to a controller.
// Every check runs and every failing one is reported, so a technician sees the whole
// list of what stands between them and the start, not one reason at a time.
import type { RequiredSignoff, SignoffFacts, ActorFacts, ChangeFacts, GateReason, RiskResult } from "./types";
import { requiredSignoffs } from "./policy";
import { evaluateSignoffs, signoffMatches } from "./evaluation";
import { countedSignoffs } from "./signing";
import type { ApprovalContent } from "./content";
import { gateWarnings, type GateWarning } from "./supply-chain";
import { CHANGE_STATE_LABELS, SIGNER_TITLES, SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { distinctSites, isoUtc, joinList } from "@/lib/domain/changes/wording";

export type ScheduleConflictCode =
  "outside_window" | "blackout_active" | "asset_busy" | "redundancy_lost" | "production_conflict";

export interface ScheduleConflict {
  code: ScheduleConflictCode;
  message: string;
  data?: Record<string, string | number | null>;
}

export interface OtherChangeInProgress {
  changeId: string;
  number: string;
  assetIds: readonly string[];
}

export interface GateContext {
  risk: RiskResult;
  /** The list shown on the change; computed from `risk` when absent. */
  required?: readonly RequiredSignoff[];
  /** The content as it is now: every sign-off's recorded hash is checked against it. */
  content: ApprovalContent;
  otherChangesInProgress: readonly OtherChangeInProgress[];
  /** From the scheduling rules (windows, blackouts, redundancy, production); merged as-is. */
  scheduleConflicts: readonly ScheduleConflict[];
  /** A standard change outside its catalog model (lib/domain/catalog/model.ts); merged as-is. */
  modelReasons?: readonly GateReason[];
}

export interface GateDecision {
  allowed: boolean;
  reasons: GateReason[];
  /** Shown with the decision, never refusing: e.g. a fix the vendor has not qualified. */
  warnings: GateWarning[];
  evaluatedAt: Date;
}

function stateReasons(change: ChangeFacts): GateReason[] {
  if (change.state === "approved") return [];
  if (change.state === "submitted") {
    return [{ code: "not_approved", message: "The change is not approved yet: sign-offs are still awaited" }];
  }
  return [
    {
      code: "wrong_state",
      message: `Only an approved change can start; this change is in state "${CHANGE_STATE_LABELS[change.state]}"`,
      data: { state: change.state },
    },
  ];
}

function awaitedWhere(change: ChangeFacts, req: RequiredSignoff): string {
  if (req.siteId !== null) {
    const site = change.assets.find((a) => a.siteId === req.siteId);
    return site?.siteName ?? req.siteCode ?? req.siteId;
  }
  const assets = req.role === "quality" ? change.assets.filter((a) => a.gxp) : change.assets;
  return joinList(
    distinctSites(assets).map((s) => s.siteName),
    "or",
  );
}

function signoffReasons(
  change: ChangeFacts,
  signoffs: readonly SignoffFacts[],
  context: GateContext,
): GateReason[] {
  const required = context.required ?? requiredSignoffs(change, context.risk);
  // Emergency changes may start without their retrospective sign-offs (rule 7).
  const preStart = required.filter((r) => !r.retrospectiveAllowed);
  const { counted, unverified } = countedSignoffs(change, signoffs, context.content);
  const evaluation = evaluateSignoffs(required, counted, change.approvalRound);
  const reasons: GateReason[] = [];

  for (const s of evaluation.rejected) {
    const by = s.signerName ? ` by ${s.signerName}` : "";
    reasons.push({
      code: "signoff_rejected",
      message: `${SIGNOFF_ROLE_LABELS[s.role]} sign-off rejected${by} on ${isoUtc(s.signedAt)}; the change must be revised and resubmitted`,
      data: { role: s.role, signoffId: s.id, signedAt: isoUtc(s.signedAt) },
    });
  }

  for (const req of evaluation.missing) {
    if (!preStart.includes(req)) continue;
    if (evaluation.rejected.some((s) => signoffMatches(req, s))) continue;
    const label = SIGNOFF_ROLE_LABELS[req.role];
    const where = awaitedWhere(change, req);
    const forSite = req.siteId !== null ? ` for ${where}` : "";
    const mismatch = unverified.find((s) => signoffMatches(req, s));
    if (mismatch) {
      const by = mismatch.signerName ? ` by ${mismatch.signerName}` : "";
      reasons.push({
        code: "signoff_content_mismatch",
        message: `${label} sign-off${forSite}${by} does not cover the current content (its recorded content hash differs); a new sign-off is needed`,
        data: { role: req.role, siteCode: req.siteCode, signoffId: mismatch.id },
      });
      continue;
    }
    const old = evaluation.superseded
      .filter((s) => signoffMatches(req, s))
      .sort((a, b) => (b.supersededAt?.getTime() ?? 0) - (a.supersededAt?.getTime() ?? 0))[0];
    if (old) {
      const when = old.supersededAt ? ` on ${isoUtc(old.supersededAt)}` : "";
      reasons.push({
        code: "signoff_superseded",
        message: `${label} sign-off${forSite} superseded by an edit${when}; a new sign-off is needed`,
        data: {
          role: req.role,
          siteCode: req.siteCode,
          supersededAt: old.supersededAt ? isoUtc(old.supersededAt) : null,
        },
      });
    } else {
      reasons.push({
        code: "signoff_missing",
        message: `${label} sign-off missing: no ${SIGNER_TITLES[req.role]} of ${where} has signed`,
        data: { role: req.role, siteCode: req.siteCode },
      });
    }
  }
  return reasons;
}

function slotReasons(change: ChangeFacts, now: Date): GateReason[] {
  const { plannedStart: start, plannedEnd: end } = change;
  const at = isoUtc(now);
  if (!start || !end) {
    return [
      {
        code: "outside_slot",
        message: "No planned slot: the change has no planned start and end",
        data: {
          position: "no_slot",
          slotStart: start ? isoUtc(start) : null,
          slotEnd: end ? isoUtc(end) : null,
          at,
        },
      },
    ];
  }
  const slot = `${isoUtc(start)} to ${isoUtc(end)} (UTC)`;
  const data = { slotStart: isoUtc(start), slotEnd: isoUtc(end), at };
  if (now.getTime() < start.getTime()) {
    return [
      {
        code: "outside_slot",
        message: `Too early: the planned slot ${slot} has not started yet`,
        data: { position: "before", ...data },
      },
    ];
  }
  // The slot is half-open: at the planned end the change must already be done.
  if (now.getTime() >= end.getTime()) {
    return [
      {
        code: "outside_slot",
        message: `Too late: the planned slot ${slot} is over`,
        data: { position: "after", ...data },
      },
    ];
  }
  return [];
}

function implementerReasons(change: ChangeFacts, actor: ActorFacts): GateReason[] {
  if (change.implementerId !== null && actor.userId === change.implementerId) return [];
  const sites = distinctSites(change.assets);
  // Admin rights grant nothing here either: only change.implement at a site of the change.
  if (sites.some((s) => actor.implementSiteIds.includes(s.siteId))) return [];
  const where = joinList(
    sites.map((s) => s.siteName),
    "or",
  );
  const message =
    change.implementerId === null
      ? `No implementer is assigned, and only a requester at ${where} may start this change`
      : `Only the assigned implementer or a requester at ${where} may start this change`;
  return [{ code: "not_implementer", message, data: { userId: actor.userId } }];
}

/** Separation of duties: whoever gave a sign-off of the current round may not start the change. */
function signerReasons(
  change: ChangeFacts,
  signoffs: readonly SignoffFacts[],
  actor: ActorFacts,
): GateReason[] {
  const mine = signoffs.find(
    (s) =>
      s.round === change.approvalRound && (s.signerId === actor.userId || s.onBehalfOfId === actor.userId),
  );
  if (!mine) return [];
  const gave = mine.signerId === actor.userId ? "You gave" : "Your delegate gave, on your behalf,";
  return [
    {
      code: "signer_is_implementer",
      message: `${gave} the ${SIGNOFF_ROLE_LABELS[mine.role]} sign-off on this change; the person who implements a change gives none of its sign-offs, so someone else must start it`,
      data: { userId: actor.userId, signoffId: mine.id, role: mine.role },
    },
  ];
}

function busyReasons(change: ChangeFacts, others: readonly OtherChangeInProgress[]): GateReason[] {
  const reasons: GateReason[] = [];
  for (const other of others) {
    if (other.changeId === change.id) continue;
    for (const asset of change.assets) {
      if (!other.assetIds.includes(asset.id)) continue;
      reasons.push({
        code: "asset_busy",
        message: `Asset ${asset.tag} is busy: ${other.number} is in progress on it`,
        data: { assetId: asset.id, assetTag: asset.tag, changeId: other.changeId, number: other.number },
      });
    }
  }
  return reasons;
}

export function evaluateGate(
  change: ChangeFacts,
  signoffs: readonly SignoffFacts[],
  context: GateContext,
  now: Date,
  actor: ActorFacts,
): GateDecision {
  const reasons: GateReason[] = [
    ...stateReasons(change),
    ...signoffReasons(change, signoffs, context),
    ...slotReasons(change, now),
    ...implementerReasons(change, actor),
    ...signerReasons(change, signoffs, actor),
    ...busyReasons(change, context.otherChangesInProgress),
    ...context.scheduleConflicts.map((c): GateReason => ({ ...c })),
    ...(context.modelReasons ?? []),
  ];
  return {
    allowed: reasons.length === 0,
    reasons,
    warnings: gateWarnings(change, signoffs),
    evaluatedAt: new Date(now.getTime()),
  };
}
