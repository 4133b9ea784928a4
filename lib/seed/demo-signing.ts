import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { SignoffRole } from "@/lib/domain/constants";
import { signingWarnings } from "@/lib/domain/changes/supply-chain";
import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import { signChange } from "@/lib/services/changes/sign";
import type { ChangeView } from "@/lib/types/changes";

/** Who signs what at each demo site; the PSSR is the safety approver's. */
export const SIGNERS: Record<string, Partial<Record<SignoffRole, string>>> = {
  GCR: {
    operations: "marcus.hale@gcr.demo",
    safety: "priya.natarajan@gcr.demo",
    pssr: "priya.natarajan@gcr.demo",
    security: "tomasz.nowak@gcr.demo",
    change_board: "elena.brooks@gcr.demo",
  },
  /**
   * A change spanning both sites is seen, and so signed, only by people with roles at both; one
   * person signs once, so each site's operations sign-off has its own corporate approver.
   */
  "BOTH:GCR": { operations: "hannah.lindqvist@corp.demo", security: "omar.siddiqui@corp.demo" },
  "BOTH:RHP": { operations: "pieter.devries@corp.demo", security: "omar.siddiqui@corp.demo" },
  RHP: {
    operations: "katrin.vogel@rhp.demo",
    safety: "lukas.schmidt@rhp.demo",
    pssr: "lukas.schmidt@rhp.demo",
    security: "aylin.demir@rhp.demo",
    quality: "sabine.krueger@rhp.demo",
    change_board: "felix.braun@rhp.demo",
  },
};

export const SIGN_ORDER: SignoffRole[] = ["operations", "security", "safety", "change_board", "quality"];

const COMMENTS: Record<SignoffRole, string> = {
  operations: "Slot agreed with the shift team.",
  security: "Reviewed against the zone model and the vendor notes.",
  safety: "Safety functions covered by the test plan.",
  change_board: "Approved by the change board.",
  quality: "GMP impact assessed; no revalidation beyond the listed checks.",
  pssr: "Pre-startup safety review done; trips proof-tested.",
};

export interface SignPlan {
  /** Roles left waiting (they stay in the approver's inbox). */
  pending: readonly SignoffRole[];
  reject?: { role: SignoffRole; comment: string };
  /** "pre": before the start (retrospective emergency sign-offs wait); "retro": only those. */
  phase: "pre" | "retro";
}

/**
 * Signs every open requirement of one role as the demo person who holds it, with the content the
 * signer was shown, through the same service (and password check) as the sign dialog.
 */
export async function signRole(
  people: Record<string, Actor>,
  current: ChangeView,
  role: SignoffRole,
  plan: SignPlan,
): Promise<ChangeView> {
  let view = current;
  if (plan.pending.includes(role)) return view;
  for (const req of view.requiredSignoffs.filter((r) => r.role === role && !r.satisfied)) {
    if (plan.phase === "pre" ? req.retrospective : !req.retrospective) continue;
    if (plan.phase === "pre" && view.state !== "submitted") return view;
    const site = view.sites.length > 1 ? `BOTH:${req.siteCode ?? "GCR"}` : view.sites[0]!.code;
    const signer = people[SIGNERS[site]![role]!];
    if (!signer) throw new Error(`No demo signer for ${role} at ${site}`);
    const reject = plan.reject?.role === role ? plan.reject : null;
    const decision = reject ? "reject" : "approve";
    view = await signChange(signer, view.id, {
      role,
      siteCode: req.siteCode ?? undefined,
      decision,
      // The demo's security approvers knowingly approve a fix the vendor has not qualified.
      acknowledged: signingWarnings(view, role, decision).map((w) => w.code),
      comment: reject ? reject.comment : COMMENTS[role],
      password: DEMO_PASSWORD,
      contentHash: view.contentHash,
    });
  }
  return view;
}

export async function signPssr(people: Record<string, Actor>, view: ChangeView): Promise<ChangeView> {
  if (view.state !== "pssr_pending") return view;
  const signer = people[SIGNERS[view.sites[0]!.code]!.pssr!]!;
  return signChange(signer, view.id, {
    role: "pssr",
    decision: "approve",
    comment: COMMENTS.pssr,
    password: DEMO_PASSWORD,
    contentHash: view.contentHash,
  });
}
