import { advisoryPriority, type Priority } from "@/lib/domain/advisories";
import type { AdvisoryCve } from "./get";
import type { MatchView } from "./matches";
import type { RankedMatch } from "@/lib/types/advisories";

export type { Priority };
export type { RankedMatch };

/**
 * Each affected or undecided match with its priority (lib/domain/advisories/priority.ts), from
 * the CVEs that concern that asset, highest first; unaffected assets have none.
 */
export function rankMatches(matches: MatchView[], cves: AdvisoryCve[]): RankedMatch[] {
  const byId = new Map(cves.map((c) => [c.cve, c]));
  return matches
    .map((m) => {
      if (m.status === "not_affected") return { ...m, priority: null };
      const mine = m.cves.length ? m.cves.map((id) => byId.get(id)).filter((c) => !!c) : cves;
      const scores = mine.map((c) => c.cvss?.baseScore).filter((s): s is number => typeof s === "number");
      const priority = advisoryPriority({
        knownExploited: mine.some((c) => c.knownExploited),
        cvssBaseScore: scores.length ? Math.max(...scores) : null,
        criticality: m.asset.criticality,
        safetyRelated: m.asset.safetyRelated,
        exposure: m.asset.exposure,
        matchStatus: m.status,
      });
      return { ...m, priority };
    })
    .sort((a, b) => (b.priority?.score ?? -1) - (a.priority?.score ?? -1));
}
