// What a newer revision of an advisory adds to the one before, and which of two revisions is newer.
import type { AdvisoryFacts } from "./types";
import { compareVersions } from "./versions";

export interface RevisionDelta {
  /** Product leaves by full name and version text. */
  newProducts: string[];
  newCves: string[];
  /** "category: details" of each remediation not given before. */
  newRemediations: string[];
}

const leafKey = (p: AdvisoryFacts["products"][number]) =>
  p.versionText && !p.fullName.includes(p.versionText) ? `${p.fullName} ${p.versionText}` : p.fullName;

function remediationKeys(facts: AdvisoryFacts): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of facts.vulnerabilities)
    for (const r of v.remediations) {
      const text = `${r.category}: ${r.details.trim()}`;
      out.set(`${v.cve ?? v.key}|${text}`, `${v.cve ? `${v.cve} ` : ""}${text}`);
    }
  return out;
}

export function revisionDelta(before: AdvisoryFacts, after: AdvisoryFacts): RevisionDelta {
  const oldLeaves = new Set(before.products.map(leafKey));
  const oldCves = new Set(before.vulnerabilities.map((v) => v.cve).filter(Boolean));
  const oldRemediations = remediationKeys(before);
  return {
    newProducts: [...new Set(after.products.map(leafKey))].filter((k) => !oldLeaves.has(k)),
    newCves: [...new Set(after.vulnerabilities.map((v) => v.cve))].filter(
      (c): c is string => !!c && !oldCves.has(c),
    ),
    newRemediations: [...remediationKeys(after)].filter(([k]) => !oldRemediations.has(k)).map(([, v]) => v),
  };
}

/**
 * -1, 0 or 1 as revision `a` (tracking.version, an integer or semantic version) is older, the
 * same or newer than `b`; the current release date decides when the versions cannot be compared.
 */
export function compareRevisions(
  a: { revision: string; currentReleaseDate: string | null },
  b: { revision: string; currentReleaseDate: string | null },
): -1 | 0 | 1 {
  if (a.revision === b.revision) return 0;
  const byVersion =
    compareVersions(a.revision, b.revision, "semver") ?? compareVersions(a.revision, b.revision);
  if (byVersion !== null && byVersion !== 0) return byVersion;
  const ta = a.currentReleaseDate ? Date.parse(a.currentReleaseDate) : NaN;
  const tb = b.currentReleaseDate ? Date.parse(b.currentReleaseDate) : NaN;
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta < tb ? -1 : 1;
  return a.revision < b.revision ? -1 : 1;
}
