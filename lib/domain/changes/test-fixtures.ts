// Builders for the change-rule tests: defaults describe a plain, low-risk, approvable
// change so each test only spells out what it is about.
import type { SignoffRole, SiteRole } from "../constants";
import { CONTENT_HASH_VERSION, contentHash, scopeHash, type ApprovalContent } from "./content";
import type { ActorFacts, AssetFacts, ChangeFacts, RiskResult, SignoffFacts } from "./types";

export const REF = { siteId: "site-ref", siteCode: "REF", siteName: "Refinery" } as const;
export const CHM = { siteId: "site-chm", siteCode: "CHM", siteName: "Chemicals" } as const;

export function asset(overrides: Partial<AssetFacts> = {}): AssetFacts {
  return {
    id: "a-plc101",
    ...REF,
    tag: "PLC-101",
    name: null,
    criticality: "supporting",
    safetyRelated: false,
    gxp: false,
    exposure: "plant_network",
    redundancyGroup: null,
    ...overrides,
  };
}

export const PLC = asset();
export const SIS = asset({
  id: "a-sis101",
  tag: "SIS-101",
  name: "Triconex",
  criticality: "safety_critical",
  safetyRelated: true,
});
export const GXP = asset({ id: "a-plc301", ...CHM, tag: "PLC-301", name: "Filler", gxp: true });
export const CHM_PLC = asset({ id: "a-plc401", ...CHM, tag: "PLC-401" });

export const SLOT_START = new Date("2027-03-14T08:00:00Z");
export const SLOT_END = new Date("2027-03-14T12:00:00Z");

export function change(overrides: Partial<ChangeFacts> = {}): ChangeFacts {
  return {
    id: "chg-1",
    number: "CHG-2027-00001",
    state: "submitted",
    type: "security_patch",
    class: "normal",
    requesterId: "u-req",
    scopeEditorIds: [],
    implementerId: "u-impl",
    safetyImpact: "none",
    safetyBypassRequired: false,
    productionImpact: "none",
    expectedDowntimeMinutes: 0,
    testedOnTestBench: true,
    vendorQualified: true,
    plannedStart: SLOT_START,
    plannedEnd: SLOT_END,
    approvalRound: 1,
    approvedAt: null,
    assets: [PLC],
    ...overrides,
  };
}

/** The approval content the default sign-offs were given over. */
export const CONTENT: ApprovalContent = {
  assetIds: [PLC.id],
  type: "security_patch",
  class: "normal",
  title: "Patch PLC-101",
  description: "Vendor patch",
  justification: "CVE-2027-1234",
  references: ["CVE-2027-1234"],
  implementationPlan: "Apply, verify",
  backoutPlan: "Restore the previous image",
  safetyImpact: "none",
  safetyBypassRequired: false,
  productionImpact: "none",
  expectedDowntimeMinutes: 0,
  testedOnTestBench: true,
  vendorQualified: true,
  testNotes: "Bench test passed",
  plannedStart: SLOT_START,
  plannedEnd: SLOT_END,
};

let seq = 0;
export function signoff(role: SignoffRole, overrides: Partial<SignoffFacts> = {}): SignoffFacts {
  seq += 1;
  return {
    id: `so-${seq}`,
    role,
    siteId: role === "operations" ? REF.siteId : null,
    decision: "approve",
    signerId: `u-${role}`,
    signedAt: new Date("2027-03-10T10:00:00Z"),
    round: 1,
    superseded: false,
    retrospective: false,
    contentHash: contentHash(CONTENT),
    scopeHash: scopeHash(CONTENT),
    hashVersion: CONTENT_HASH_VERSION,
    ...overrides,
  };
}

/**
 * An actor as lib/services builds it. implementSiteIds is what the permission table gives (today
 * change.implement is the requester role; lib/auth/permissions.test.ts pins that); pass it to
 * test the gate with another outcome.
 */
export function actor(
  userId: string,
  grants: [string, SiteRole][] = [],
  isAdmin = false,
  implementSiteIds = grants.filter(([, role]) => role === "requester").map(([siteId]) => siteId),
): ActorFacts {
  return { userId, isAdmin, grants: grants.map(([siteId, role]) => ({ siteId, role })), implementSiteIds };
}

export function risk(level: RiskResult["level"], score = 0): RiskResult {
  return { level, score, factors: [] };
}
