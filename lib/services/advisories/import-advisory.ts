import "server-only";
import { currentTime } from "@/lib/clock";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { advisories, advisoryRevisions } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { readCsaf } from "@/lib/domain/advisories";
import { compareRevisions, revisionDelta, type RevisionDelta } from "@/lib/domain/advisories/revision-delta";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import { conflict, invalid } from "@/lib/services/base/errors";
import { requireIntake } from "./access";
import { matchesFor, type MatchView } from "./matches";
import { csafProblems } from "./validate-csaf";

export type ImportOutcome = "created" | "updated" | "unchanged";

export interface AdvisoryImportResult {
  advisory: { id: string; trackingId: string; revision: string; title: string; cves: string[] };
  outcome: ImportOutcome;
  /** What the new revision added; null unless `outcome` is "updated". */
  delta: RevisionDelta | null;
  matches: MatchView[];
}

const instant = (iso: string | null) => (iso ? new Date(iso) : null);
const cvesOf = (f: AdvisoryFacts) => [
  ...new Set(f.vulnerabilities.map((v) => v.cve).filter((c): c is string => !!c)),
];

/**
 * Reads and checks a CSAF 2.0 document without writing anything: the validator's schema and
 * mandatory tests, then the facts Interlock needs (an advisory naming no product matches nothing).
 */
export async function readAdvisoryDocument(doc: unknown): Promise<AdvisoryFacts> {
  if (!doc || typeof doc !== "object" || Array.isArray(doc) || !("document" in doc))
    throw invalid('This is not a CSAF 2.0 advisory: the JSON has no "document" section.', [
      { path: "/document", message: "must have required property 'document'" },
    ]);
  const problems = await csafProblems(doc);
  if (problems.length)
    throw invalid(
      `This is not a valid CSAF 2.0 advisory: ${problems[0]!.path} ${problems[0]!.message}${
        problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""
      }.`,
      problems,
    );
  const facts = readCsaf(doc);
  if (facts.products.length === 0)
    throw invalid(
      "The advisory's product tree names no products, so nothing in the inventory can be matched.",
      [{ path: "/product_tree", message: "no product versions (leaves) in the product tree" }],
    );
  return facts;
}

/**
 * Imports one advisory. The same tracking id and revision again changes nothing; a newer revision
 * becomes current, the older stays in the revision history with what the new one added; an older
 * revision than the current one is refused. All in one transaction with its audit event.
 */
export async function importAdvisory(actor: Actor, doc: unknown): Promise<AdvisoryImportResult> {
  requireIntake(actor);
  const facts = await readAdvisoryDocument(doc);
  const db = await getDb();
  const stored = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(8142011, hashtext(${facts.trackingId}))`);
    const [current] = await tx
      .select()
      .from(advisories)
      .where(eq(advisories.trackingId, facts.trackingId))
      .for("update");
    const now = currentTime();
    const columns = {
      revision: facts.revision,
      title: facts.title,
      publisher: facts.publisher.name,
      tlp: facts.tlp,
      initialReleaseDate: instant(facts.initialReleaseDate),
      currentReleaseDate: instant(facts.currentReleaseDate),
      cveIds: cvesOf(facts),
      vendors: facts.vendors,
      facts,
      updatedAt: now,
    };
    const revisionRow = {
      revision: facts.revision,
      currentReleaseDate: columns.currentReleaseDate,
      facts,
      document: doc,
      importedAt: now,
      importedBy: actor.userId,
    };
    if (!current) {
      const [row] = await tx
        .insert(advisories)
        .values({ trackingId: facts.trackingId, ...columns, importedAt: now, importedBy: actor.userId })
        .returning();
      await tx.insert(advisoryRevisions).values({ advisoryId: row!.id, ...revisionRow, delta: null });
      await appendAudit(tx, actor, {
        action: "advisory.import",
        objectType: "advisory",
        objectId: row!.id,
        after: {
          trackingId: facts.trackingId,
          revision: facts.revision,
          title: facts.title,
          cves: columns.cveIds,
          products: facts.products.length,
        },
      });
      return { row: row!, outcome: "created" as const, delta: null };
    }
    const currentFacts = current.facts as AdvisoryFacts;
    const order = compareRevisions(
      { revision: facts.revision, currentReleaseDate: facts.currentReleaseDate },
      { revision: current.revision, currentReleaseDate: currentFacts.currentReleaseDate },
    );
    if (order === 0) return { row: current, outcome: "unchanged" as const, delta: null };
    if (order < 0)
      throw conflict(
        `Revision ${facts.revision} of ${facts.trackingId} is older than the revision already imported (${current.revision}); nothing was changed.`,
      );
    const delta = revisionDelta(currentFacts, facts);
    const [row] = await tx.update(advisories).set(columns).where(eq(advisories.id, current.id)).returning();
    await tx.insert(advisoryRevisions).values({ advisoryId: current.id, ...revisionRow, delta });
    await appendAudit(tx, actor, {
      action: "advisory.import",
      objectType: "advisory",
      objectId: current.id,
      before: { revision: current.revision, title: current.title },
      after: { trackingId: facts.trackingId, revision: facts.revision, title: facts.title, ...delta },
    });
    return { row: row!, outcome: "updated" as const, delta };
  });
  const { row } = stored;
  return {
    advisory: {
      id: row.id,
      trackingId: row.trackingId,
      revision: row.revision,
      title: row.title,
      cves: row.cveIds,
    },
    outcome: stored.outcome,
    delta: stored.delta,
    matches: await matchesFor(actor, row.id, row.facts as AdvisoryFacts),
  };
}
