import "server-only";
import type { Executor } from "@/db/client";
import type { advisories } from "@/db/schema";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import type { MatchView } from "@/lib/types/advisories";
import { linkedChanges, siteReviews, type SiteReview } from "./load";
import { combineMatches, decisionsFor, inventoryAt } from "./matches";

type AdvisoryRow = typeof advisories.$inferSelect;

export interface AdvisoryReview {
  matches: MatchView[];
  reviews: SiteReview[];
}

/**
 * Each advisory's matches against the inventory at `siteIds` as it is now, and the CIP-007 R2
 * review (with its clock) of every site it touches: what the advisory list and the reminders read.
 */
export async function reviewAdvisories(
  db: Executor,
  rows: readonly AdvisoryRow[],
  siteIds: string[],
  now: Date,
): Promise<Map<string, AdvisoryReview>> {
  const ids = rows.map((r) => r.id);
  const [inventory, decisions, links] = await Promise.all([
    inventoryAt(db, siteIds),
    decisionsFor(db, ids),
    linkedChanges(db, ids, siteIds),
  ]);
  const out = new Map<string, AdvisoryReview>();
  for (const row of rows) {
    const matches = combineMatches(
      row.facts as AdvisoryFacts,
      inventory,
      decisions.filter((d) => d.advisoryId === row.id),
    );
    const mine = links.filter((l) => l.advisoryId === row.id);
    out.set(row.id, { matches, reviews: await siteReviews(db, row, matches, mine, now) });
  }
  return out;
}
