// View types of the advisory pages and API: what services return and components draw.
import type { MatchRule, MatchStatus, Priority } from "@/lib/domain/advisories";
import type { ReviewStatus, SiteClock } from "@/lib/domain/advisories/clocks";
import type { AssetKind, ChangeState, ChangeType, Criticality, Exposure } from "@/lib/domain/constants";

export interface MatchedAsset {
  id: string;
  siteId: string;
  siteCode: string;
  siteName: string;
  siteTimeZone: string;
  areaName: string | null;
  tag: string;
  name: string;
  kind: AssetKind;
  vendor: string;
  product: string;
  modelNumber: string;
  version: string;
  criticality: Criticality;
  safetyRelated: boolean;
  exposure: Exposure;
}

export interface MatchDecision {
  status: "affected" | "not_affected";
  reason: string;
  decidedByName: string;
  decidedAt: Date;
}

/** One asset against one advisory: the rule's verdict, and a person's decision where it was unknown. */
export interface MatchView {
  assetId: string;
  siteCode: string;
  /** The status that counts: a person's decision where one was recorded, else the rule's. */
  status: MatchStatus;
  reason: string;
  /** The rule's own verdict, kept visible after a decision. */
  ruleStatus: MatchStatus;
  rule: MatchRule;
  cves: string[];
  /** Product ids of the advisory's leaves that make the asset affected or possibly affected. */
  productIds: string[];
  decision: MatchDecision | null;
  asset: MatchedAsset;
}

export interface KevMark {
  dateAdded: string;
  dueDate: string;
  requiredAction: string;
  ransomware: boolean;
  catalogVersion: string;
}

export interface LinkedChange {
  changeId: string;
  number: string;
  title: string;
  state: ChangeState;
  type: ChangeType;
  kind: "fix" | "mitigation";
  siteId: string;
  assetIds: string[];
}

export type RankedMatch = MatchView & { priority: Priority | null };

export interface AssetAdvisory {
  id: string;
  trackingId: string;
  title: string;
  status: MatchStatus;
  reason: string;
  knownExploited: boolean;
  clock: SiteClock | null;
  timeZone: string;
}

export interface OverdueAdvisory {
  id: string;
  trackingId: string;
  title: string;
  status: ReviewStatus;
  dueAt: Date;
  timeZone: string;
}
