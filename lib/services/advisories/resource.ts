import type { AdvisoryDetail, AdvisoryCve } from "./get";
import type { AdvisoryImportResult } from "./import-advisory";
import type { AdvisorySummary } from "./list";
import type { MatchView } from "./matches";

// The Advisory resource of API.md: {id, trackingId, revision, title, publisher, releasedAt,
// cves: [{cve, cvss, knownExploited}], dueAt, matches: [{assetId, siteCode, status, reason}]}, and more.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function cveResource(c: AdvisoryCve) {
  return {
    cve: c.cve,
    title: c.title,
    cwe: c.cwe,
    cvss: c.cvss?.baseScore ?? null,
    cvssVector: c.cvss?.vector ?? null,
    knownExploited: Boolean(c.knownExploited),
    kev: c.knownExploited,
  };
}

function matchResource(m: MatchView & { priority?: unknown }) {
  return {
    assetId: m.assetId,
    siteCode: m.siteCode,
    tag: m.asset.tag,
    status: m.status,
    reason: m.reason,
    ruleStatus: m.ruleStatus,
    rule: m.rule,
    cves: m.cves,
    decision: m.decision && { ...m.decision, decidedAt: iso(m.decision.decidedAt) },
    ...(m.priority !== undefined ? { priority: m.priority } : {}),
  };
}

export function advisoryImportResource(r: AdvisoryImportResult) {
  return { advisory: r.advisory, outcome: r.outcome, delta: r.delta, matches: r.matches.map(matchResource) };
}

export function advisorySummaryResource(s: AdvisorySummary) {
  return {
    id: s.id,
    trackingId: s.trackingId,
    revision: s.revision,
    title: s.title,
    publisher: s.publisher,
    vendors: s.vendors,
    releasedAt: iso(s.releasedAt),
    importedAt: iso(s.importedAt),
    cves: s.cves.map(cveResource),
    knownExploited: s.knownExploited,
    affected: s.affected,
    unknown: s.unknown,
    siteCodes: s.siteCodes,
    status: s.status,
    dueAt: iso(s.clock?.due?.at),
    overdue: s.clock?.overdue ?? false,
    priority: s.priority,
  };
}

export function advisoryResource(a: AdvisoryDetail) {
  return {
    id: a.id,
    trackingId: a.trackingId,
    revision: a.revision,
    title: a.title,
    publisher: a.publisher,
    tlp: a.tlp,
    releasedAt: iso(a.currentReleaseDate ?? a.initialReleaseDate),
    initialReleaseDate: iso(a.initialReleaseDate),
    currentReleaseDate: iso(a.currentReleaseDate),
    importedAt: iso(a.importedAt),
    cves: a.cves.map(cveResource),
    remediations: a.remediations,
    references: a.references,
    revisions: a.revisions.map((r) => ({ ...r, importedAt: iso(r.importedAt) })),
    dueAt: iso(a.clock?.due?.at),
    overdue: a.clock?.overdue ?? false,
    status: a.clock?.status ?? "no_match",
    sites: a.sites.map((s) => ({
      siteCode: s.siteCode,
      applicable: s.applicable,
      decisionReason: s.decisionReason,
      decidedAt: iso(s.decidedAt),
      plan: s.plan && { ...s.plan, targetDate: iso(s.plan.targetDate), recordedAt: iso(s.plan.recordedAt) },
      status: s.clock.status,
      dueAt: iso(s.clock.due?.at),
      overdue: s.clock.overdue,
    })),
    changes: a.changes.map((c) => ({
      id: c.changeId,
      number: c.number,
      title: c.title,
      state: c.state,
      type: c.type,
      kind: c.kind,
      assetIds: c.assetIds,
    })),
    matches: a.matches.map(matchResource),
  };
}
