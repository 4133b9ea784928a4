// The approval policy (PRODUCT.md "Required sign-offs", rules 1–7) as a table of rules,
// so the list shown on a change before anyone signs can be traced to a numbered rule.
import type { ChangeClass, SignoffRole } from "../constants";
import type { ChangeFacts, RequiredSignoff, RiskResult } from "./types";
import { EMERGENCY_RETRO_HOURS } from "./evaluation";
import { assetLabel, capitalize, distinctSites, joinList } from "@/lib/domain/changes/wording";

export { EMERGENCY_RETRO_HOURS };

type Requirement = Omit<RequiredSignoff, "retrospectiveAllowed">;

export interface PolicyRule {
  readonly rule: number;
  readonly role: SignoffRole;
  readonly summary: string;
  /** Classes the rule applies to; the standard class deliberately skips most. */
  readonly classes: readonly ChangeClass[];
  /** Rule 7: for emergency changes this sign-off may come after the start. */
  readonly emergencyRetrospective: boolean;
  readonly derive: (change: ChangeFacts, risk: RiskResult) => Requirement[];
}

/** Why safety must sign (rule 3); empty when it need not. */
export function safetyTriggers(change: ChangeFacts): string[] {
  const triggers: string[] = [];
  const related = change.assets.filter((a) => a.safetyRelated).map(assetLabel);
  if (related.length === 1) triggers.push(`safety-related asset ${related[0]}`);
  if (related.length > 1) triggers.push(`safety-related assets ${joinList(related, "and")}`);
  if (change.safetyImpact !== "none") triggers.push(`safety impact assessed as ${change.safetyImpact}`);
  if (change.safetyBypassRequired) triggers.push("a safety-function bypass is required");
  return triggers;
}

function gxpAssets(change: ChangeFacts): string[] {
  return change.assets.filter((a) => a.gxp).map(assetLabel);
}

const anySite = { siteId: null, siteCode: null } as const;

export const POLICY_RULES: readonly PolicyRule[] = [
  {
    rule: 1,
    role: "operations",
    summary: "Operations of each site that an affected asset belongs to",
    classes: ["normal", "emergency"],
    emergencyRetrospective: false,
    derive: (change) =>
      distinctSites(change.assets).map((site) => {
        const tags = change.assets.filter((a) => a.siteId === site.siteId).map((a) => a.tag);
        return {
          role: "operations",
          siteId: site.siteId,
          siteCode: site.siteCode,
          reason: `Operations at ${site.siteName} (${site.siteCode}): affects ${joinList(tags, "and")}`,
        };
      }),
  },
  {
    rule: 2,
    role: "security",
    summary: "IT/OT security for every change",
    classes: ["standard", "normal", "emergency"],
    emergencyRetrospective: false,
    derive: (change) => [
      {
        role: "security",
        ...anySite,
        reason:
          change.class === "standard"
            ? "Standard change: pre-approved model, reviewed by IT/OT security only"
            : "Every change is reviewed by IT/OT security",
      },
    ],
  },
  {
    rule: 3,
    role: "safety",
    summary:
      "Safety when an asset is safety-related, the safety impact is possible or yes, or a bypass is needed",
    // Safety is never skipped, not even for a change filed as standard: a standard class
    // must not become a way around process-safety review (see standardClassIssues).
    classes: ["standard", "normal", "emergency"],
    emergencyRetrospective: false,
    derive: (change) => {
      const triggers = safetyTriggers(change);
      return triggers.length === 0
        ? []
        : [{ role: "safety", ...anySite, reason: capitalize(triggers.join("; ")) }];
    },
  },
  {
    rule: 4,
    role: "change_board",
    summary: "Change board when the computed risk is high or critical",
    classes: ["normal", "emergency"],
    emergencyRetrospective: true,
    derive: (_change, risk) =>
      risk.level === "high" || risk.level === "critical"
        ? [{ role: "change_board", ...anySite, reason: `Risk is ${risk.level} (score ${risk.score})` }]
        : [],
  },
  {
    rule: 5,
    role: "quality",
    summary: "Quality when an affected asset is GxP-regulated",
    classes: ["normal", "emergency"],
    emergencyRetrospective: true,
    derive: (change) => {
      const assets = gxpAssets(change);
      if (assets.length === 0) return [];
      const noun = assets.length === 1 ? "asset" : "assets";
      return [{ role: "quality", ...anySite, reason: `GxP-regulated ${noun} ${joinList(assets, "and")}` }];
    },
  },
];

/** Ordered: operations (by site code), security, safety, change board, quality. */
export function requiredSignoffs(change: ChangeFacts, risk: RiskResult): RequiredSignoff[] {
  const out: RequiredSignoff[] = [];
  for (const rule of POLICY_RULES) {
    if (!rule.classes.includes(change.class)) continue;
    const retrospectiveAllowed = change.class === "emergency" && rule.emergencyRetrospective;
    for (const req of rule.derive(change, risk)) {
      out.push({
        ...req,
        reason: retrospectiveAllowed
          ? `${req.reason} (emergency: may be signed within ${EMERGENCY_RETRO_HOURS} h after approval)`
          : req.reason,
        retrospectiveAllowed,
      });
    }
  }
  return out;
}

/** A PSSR is owed after implementation exactly when safety had to sign before it. */
export function pssrRequired(change: ChangeFacts): boolean {
  return safetyTriggers(change).length > 0;
}

export function retrospectiveDueAt(change: Pick<ChangeFacts, "class" | "approvedAt">): Date | null {
  if (change.class !== "emergency" || !change.approvedAt) return null;
  return new Date(change.approvedAt.getTime() + EMERGENCY_RETRO_HOURS * 3_600_000);
}

/**
 * Reasons a change does not fit the standard (pre-approved, low-risk) class. The policy
 * still computes sign-offs for such a change; the service should refuse to submit it
 * as standard so it gets the full review of the normal class.
 */
export function standardClassIssues(change: ChangeFacts, risk: RiskResult): string[] {
  if (change.class !== "standard") return [];
  const issues: string[] = [];
  const triggers = safetyTriggers(change);
  if (triggers.length > 0) {
    issues.push(
      `A standard change may not be safety-relevant (${triggers.join("; ")}); use the normal class`,
    );
  }
  if (risk.level !== "low") {
    issues.push(
      `A standard change must be low-risk, but the computed risk is ${risk.level} (score ${risk.score}); use the normal class`,
    );
  }
  return issues;
}

export { evaluateSignoffs } from "./evaluation";
export type { SignoffEvaluation } from "./evaluation";

/**
 * The class the policy is applied with: a standard change that no longer fits the standard
 * class (an asset became safety-related or more critical after submission) needs the sign-offs
 * of a normal change, whatever class is stored, so required sign-offs always follow the assets
 * as they are now.
 */
export function policyFacts(change: ChangeFacts, risk: RiskResult): ChangeFacts {
  return standardClassIssues(change, risk).length > 0 ? { ...change, class: "normal" } : change;
}
