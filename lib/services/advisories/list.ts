import "server-only";
import { currentTime } from "@/lib/clock";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { advisories } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { worstClock, type ReviewStatus, type SiteClock } from "@/lib/domain/advisories/clocks";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import { advisoryListQuerySchema, type AdvisoryListQuery } from "@/lib/schemas/advisories";
import { parseInput } from "@/lib/services/base/parse-input";
import { visibleSiteIds } from "./access";
import { cvesOf, type AdvisoryCve } from "./get";
import { kevMarks } from "./load";
import { reviewAdvisories } from "./site-clocks";
import { rankMatches, type Priority } from "./rank";

export interface AdvisorySummary {
  id: string;
  trackingId: string;
  revision: string;
  title: string;
  publisher: string;
  vendors: string[];
  releasedAt: Date | null;
  importedAt: Date;
  cves: AdvisoryCve[];
  maxCvss: number | null;
  knownExploited: boolean;
  affected: number;
  unknown: number;
  /** Sites (codes) with affected or undecided assets the caller can see. */
  siteCodes: string[];
  status: ReviewStatus | "no_match";
  clock: SiteClock | null;
  /** The zone of the site whose clock is shown (due dates read in the plant's time). */
  clockTimeZone: string | null;
  priority: Priority | null;
}

const DAY = 86_400_000;

function matchesQuery(s: AdvisorySummary, q: AdvisoryListQuery, now: Date): boolean {
  if (q.site && !s.siteCodes.includes(q.site.toUpperCase())) return false;
  if (q.vendor && !s.vendors.some((v) => v.toLowerCase().includes(q.vendor!.toLowerCase()))) return false;
  if (q.status && s.status !== q.status) return false;
  if (q.kev && !s.knownExploited) return false;
  if (q.due === "overdue" && !s.clock?.overdue) return false;
  if (
    q.due === "next30" &&
    !(s.clock?.due && !s.clock.overdue && s.clock.due.at.getTime() - now.getTime() <= 30 * DAY)
  )
    return false;
  return true;
}

const SORTS: Record<AdvisoryListQuery["sort"], (a: AdvisorySummary, b: AdvisorySummary) => number> = {
  priority: (a, b) =>
    (b.priority?.score ?? -1) - (a.priority?.score ?? -1) || (b.maxCvss ?? 0) - (a.maxCvss ?? 0),
  imported: (a, b) => b.importedAt.getTime() - a.importedAt.getTime(),
  released: (a, b) => (b.releasedAt?.getTime() ?? 0) - (a.releasedAt?.getTime() ?? 0),
  due: (a, b) => (a.clock?.due?.at.getTime() ?? Infinity) - (b.clock?.due?.at.getTime() ?? Infinity),
};

/**
 * Every imported advisory with its matches at the caller's sites, priority and CIP-007 R2 clock.
 * Matching runs here, against the inventory as it is now, so an asset added or upgraded since the
 * import counts at once.
 */
export async function listAdvisories(
  actor: Actor,
  query: unknown = {},
  now = currentTime(),
): Promise<AdvisorySummary[]> {
  const q = parseInput(advisoryListQuerySchema, query, "The filter");
  const db = await getDb();
  const siteIds = await visibleSiteIds(db, actor);
  const rows = await db.select().from(advisories).orderBy(desc(advisories.importedAt));
  const [reviewed, kev] = await Promise.all([
    reviewAdvisories(db, rows, siteIds, now),
    kevMarks(
      db,
      rows.flatMap((r) => r.cveIds),
    ),
  ]);
  const out: AdvisorySummary[] = [];
  for (const row of rows) {
    const facts = row.facts as AdvisoryFacts;
    const { matches, reviews } = reviewed.get(row.id)!;
    const cves = cvesOf(facts, kev);
    const clock = worstClock(reviews.map((r) => r.clock));
    const ranked = rankMatches(matches, cves).filter((m) => m.status !== "not_affected");
    const scores = cves.map((c) => c.cvss?.baseScore ?? 0);
    out.push({
      id: row.id,
      trackingId: row.trackingId,
      revision: row.revision,
      title: row.title,
      publisher: row.publisher,
      vendors: row.vendors,
      releasedAt: row.currentReleaseDate ?? row.initialReleaseDate,
      importedAt: row.importedAt,
      cves,
      maxCvss: scores.length ? Math.max(...scores) : null,
      knownExploited: cves.some((c) => c.knownExploited),
      affected: matches.filter((m) => m.status === "affected").length,
      unknown: matches.filter((m) => m.status === "unknown").length,
      siteCodes: reviews.map((r) => r.siteCode),
      status: clock?.status ?? "no_match",
      clock,
      clockTimeZone: reviews.find((r) => r.clock === clock)?.timeZone ?? null,
      priority: ranked[0]?.priority ?? null,
    });
  }
  return out.filter((s) => matchesQuery(s, q, now)).sort(SORTS[q.sort]);
}
