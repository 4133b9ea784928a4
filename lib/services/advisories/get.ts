import "server-only";
import { currentTime } from "@/lib/clock";
import { asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { advisories, advisoryRevisions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { worstClock, type SiteClock } from "@/lib/domain/advisories/clocks";
import type { RevisionDelta } from "@/lib/domain/advisories/revision-delta";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import { remediationsOf, type AdvisoryRemediation } from "@/lib/domain/advisories/remediations";
import { notFound } from "@/lib/services/base/errors";
import { visibleSiteIds } from "./access";
import {
  kevMarks,
  linkedChanges,
  siteReviews,
  type KevMark,
  type LinkedChange,
  type SiteReview,
} from "./load";
import { matchesFor, type MatchView } from "./matches";
import { rankMatches, type RankedMatch } from "./rank";

export interface AdvisoryCve {
  cve: string;
  title: string | null;
  cwe: { id: string; name: string } | null;
  cvss: { baseScore: number; vector: string | null; baseSeverity: string | null } | null;
  knownExploited: KevMark | null;
}

export interface AdvisoryDetail {
  id: string;
  trackingId: string;
  revision: string;
  title: string;
  publisher: string;
  tlp: string | null;
  summary: string | null;
  initialReleaseDate: Date | null;
  currentReleaseDate: Date | null;
  importedAt: Date;
  vendors: string[];
  cves: AdvisoryCve[];
  remediations: AdvisoryRemediation[];
  references: AdvisoryFacts["references"];
  revisions: { revision: string; importedAt: Date; delta: RevisionDelta | null }[];
  matches: RankedMatch[];
  sites: SiteReview[];
  changes: LinkedChange[];
  clock: SiteClock | null;
  knownExploited: boolean;
  hasVendorFix: boolean;
}

export function cvesOf(facts: AdvisoryFacts, kev: Map<string, KevMark>): AdvisoryCve[] {
  return facts.vulnerabilities
    .filter((v) => v.cve)
    .map((v) => ({
      cve: v.cve!,
      title: v.title,
      cwe: v.cwe,
      cvss: v.cvss
        ? { baseScore: v.cvss.baseScore, vector: v.cvss.vector, baseSeverity: v.cvss.baseSeverity }
        : null,
      knownExploited: kev.get(v.cve!) ?? null,
    }));
}

export async function loadAdvisoryRow(db: Executor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Advisory");
  const [row] = await db.select().from(advisories).where(eq(advisories.id, id));
  if (!row) throw notFound("Advisory");
  return row;
}

export async function getAdvisory(actor: Actor, id: string, now = currentTime()): Promise<AdvisoryDetail> {
  const db = await getDb();
  const siteIds = await visibleSiteIds(db, actor);
  if (!siteIds.length && actor.kind !== "system") throw notFound("Advisory");
  const row = await loadAdvisoryRow(db, id);
  const facts = row.facts as AdvisoryFacts;
  const [kev, matches, links, revisions] = await Promise.all([
    kevMarks(db, row.cveIds),
    matchesFor(actor, row.id, facts, db),
    linkedChanges(db, [row.id], siteIds),
    db
      .select({
        revision: advisoryRevisions.revision,
        importedAt: advisoryRevisions.importedAt,
        delta: advisoryRevisions.delta,
      })
      .from(advisoryRevisions)
      .where(eq(advisoryRevisions.advisoryId, row.id))
      .orderBy(asc(advisoryRevisions.importedAt)),
  ]);
  const cves = cvesOf(facts, kev);
  const reviews = await siteReviews(db, row, matches, links, now);
  const remediations = remediationsOf(facts);
  return {
    id: row.id,
    trackingId: row.trackingId,
    revision: row.revision,
    title: row.title,
    publisher: row.publisher,
    tlp: row.tlp,
    summary: facts.summary,
    initialReleaseDate: row.initialReleaseDate,
    currentReleaseDate: row.currentReleaseDate,
    importedAt: row.importedAt,
    vendors: row.vendors,
    cves,
    remediations,
    references: facts.references,
    revisions: revisions.map((r) => ({ ...r, delta: r.delta as RevisionDelta | null })),
    matches: rankMatches(matches, cves),
    sites: reviews,
    changes: links,
    clock: worstClock(reviews.map((s) => s.clock)),
    knownExploited: cves.some((c) => c.knownExploited),
    hasVendorFix: remediations.some((r) => r.category === "vendor_fix"),
  };
}

export type { AdvisoryRemediation, MatchView };
