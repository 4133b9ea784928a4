// Asset facts and the risk of unsaved content, defined once for the services (the risk
// stored) and the change form (the live preview), so that what is shown equals what is stored.
import { computeRisk, type RiskContent } from "./risk";
import type { AssetFacts, ChangeFacts, RiskResult } from "./types";

/** Redundancy-group names are unique only within a site, so the key carries the site code. */
export const groupKey = (siteCode: string, group: string): string => `${siteCode}/${group}`;

/** What the rules read about an asset, as any caller holds it (a database row, a picked asset). */
export type AssetFactsSource = Omit<AssetFacts, "name"> & { name?: string | null };

export function assetFacts(a: AssetFactsSource): AssetFacts {
  return {
    id: a.id,
    siteId: a.siteId,
    siteCode: a.siteCode,
    siteName: a.siteName,
    tag: a.tag,
    name: a.name,
    criticality: a.criticality,
    safetyRelated: a.safetyRelated,
    gxp: a.gxp,
    exposure: a.exposure,
    redundancyGroup: a.redundancyGroup ? groupKey(a.siteCode, a.redundancyGroup) : null,
  };
}

/** Members of each asset's redundancy group keyed as assetFacts keys them, for assets that carry them. */
export function groupMembersOf(
  list: readonly (AssetFactsSource & { redundancyGroupMembers: readonly string[] })[],
): Record<string, string[]> {
  const members: Record<string, string[]> = {};
  for (const a of list) {
    if (a.redundancyGroup) members[groupKey(a.siteCode, a.redundancyGroup)] = [...a.redundancyGroupMembers];
  }
  return members;
}

/** Risk of a stored change, with redundancy-group membership known. */
export function riskOf(facts: ChangeFacts, members: Record<string, string[]>): RiskResult {
  return computeRisk({ ...facts, redundancyGroupMembers: members });
}

/** Risk of content not stored yet (create, edit, the form's live preview). */
export function riskOfContent(
  content: RiskContent,
  list: readonly AssetFactsSource[],
  members: Record<string, string[]>,
): RiskResult {
  return computeRisk({ ...content, assets: list.map(assetFacts), redundancyGroupMembers: members });
}
