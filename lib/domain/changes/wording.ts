// Sentence helpers for the rules' plain-language messages, so policy, signing and gate messages
// name roles and sites the same way. The words for codes are in lib/domain/labels.
import type { ChangeState, SignoffRole } from "../constants";
import { CHANGE_STATE_LABELS, SIGNOFF_ROLE_LABELS } from "../labels";
import type { AssetFacts } from "./types";

/** A state as it reads inside a sentence ("in progress", "PSSR pending"). */
export function stateInProse(state: ChangeState): string {
  const label = CHANGE_STATE_LABELS[state];
  return label.startsWith("PSSR") ? label : label.toLowerCase();
}

export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

export interface SiteRef {
  siteId: string;
  siteCode: string;
  siteName: string;
}

/** Sorted by site code so requirement lists and messages are deterministic. */
export function distinctSites(
  assets: readonly Pick<AssetFacts, "siteId" | "siteCode" | "siteName">[],
): SiteRef[] {
  const byId = new Map<string, SiteRef>();
  for (const a of assets) {
    if (!byId.has(a.siteId))
      byId.set(a.siteId, { siteId: a.siteId, siteCode: a.siteCode, siteName: a.siteName });
  }
  return [...byId.values()].sort((x, y) => x.siteCode.localeCompare(y.siteCode));
}

export function assetLabel(a: Pick<AssetFacts, "tag" | "name">): string {
  return a.name ? `${a.tag} (${a.name})` : a.tag;
}

export function joinList(items: readonly string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** API style: "2027-03-14T08:00:00Z" (no milliseconds when they are zero). */
export function isoUtc(d: Date): string {
  return d.toISOString().replace(".000Z", "Z");
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A sign-off someone may give, as a badge or list reads it: "Safety (PLA), on behalf of Sofia Safety". */
export function signableRoleLabel(r: {
  role: SignoffRole;
  siteCode: string | null;
  retrospective: boolean;
  onBehalfOfName: string | null;
}): string {
  return `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}${r.retrospective ? ", retrospective" : ""}${r.onBehalfOfName ? `, on behalf of ${r.onBehalfOfName}` : ""}`;
}
