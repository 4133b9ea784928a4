import "server-only";
import { currentTime } from "@/lib/clock";
import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { advisoryChanges, advisories, advisorySiteReviews } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission, sitesWithPermission } from "@/lib/auth/permissions";
import { draftPlan, type DraftPlan } from "@/lib/domain/advisories/draft-plan";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import type { ChangeState } from "@/lib/domain/constants";
import { createChange } from "@/lib/services/changes/create";
import type { ChangeView } from "@/lib/types/changes";
import { forbidden } from "@/lib/services/base/errors";
import { cvesOf, loadAdvisoryRow, type AdvisoryCve } from "./get";
import { kevMarks, linkedChanges } from "./load";
import { matchesFor, type MatchView } from "./matches";
import { saveSiteReview } from "./review-site";
import { CHANGE_TYPE_LABELS } from "@/lib/domain/labels";

/** A change in one of these states no longer covers its assets; a new draft may be made. */
const ENDED: ReadonlySet<ChangeState> = new Set(["rejected", "cancelled", "failed", "rolled_back"]);

export interface DraftResult {
  changes: ChangeView[];
  skipped: { siteCode: string; reason: string }[];
}

function cveLine(c: AdvisoryCve): string {
  const score = c.cvss ? `CVSS ${c.cvss.baseScore.toFixed(1)}` : "no CVSS score";
  const kev = c.knownExploited ? `, known exploited (CISA KEV since ${c.knownExploited.dateAdded})` : "";
  return `${c.cve} (${score}${kev})${c.title ? `: ${c.title}` : ""}`;
}

function draftInput(
  row: { trackingId: string; revision: string; title: string },
  plan: DraftPlan,
  matches: MatchView[],
  cves: AdvisoryCve[],
) {
  const mine = new Set(matches.flatMap((m) => m.cves));
  const relevant = cves.filter((c) => mine.has(c.cve) || mine.size === 0);
  const verb = plan.kind === "fix" ? "Install the vendor fix" : "Mitigate";
  const remediation = plan.remediations.length
    ? plan.remediations.map((r) => `- ${r.details.trim()}${r.url ? `\n  ${r.url}` : ""}`).join("\n")
    : "- The advisory gives no remediation; plan the mitigation with the vendor.";
  return {
    type: plan.type,
    class: "normal" as const,
    title: `${row.trackingId}: ${verb} (${CHANGE_TYPE_LABELS[plan.type].toLowerCase()})`.slice(0, 200),
    description: [
      `Drafted from advisory ${row.trackingId} revision ${row.revision}: ${row.title}`,
      "",
      "Vulnerabilities:",
      ...relevant.map((c) => `- ${cveLine(c)}`),
      "",
      "Affected assets:",
      ...matches.map(
        (m) =>
          `- ${m.asset.tag} (${m.asset.product || m.asset.name}, version ${m.asset.version || "not recorded"}): ${m.reason}`,
      ),
    ].join("\n"),
    justification: `ICS advisory ${row.trackingId}; ${relevant.map((c) => c.cve).join(", ") || "no CVE id"}.`,
    references: [row.trackingId, ...relevant.map((c) => c.cve)].slice(0, 50),
    assetIds: matches.map((m) => m.assetId),
    implementationPlan: `Vendor remediation (${plan.kind === "fix" ? "vendor fix" : "mitigation"}) from ${row.trackingId}:\n${remediation}`,
  };
}

/** Sites without an applicability decision are decided applicable by drafting for them. */
async function markApplicable(
  tx: Tx,
  advisoryId: string,
  drafted: { siteId: string; siteCode: string }[],
  userId: string,
  now: Date,
): Promise<string[]> {
  const reviews = await tx
    .select({ siteId: advisorySiteReviews.siteId, decidedAt: advisorySiteReviews.decidedAt })
    .from(advisorySiteReviews)
    .where(eq(advisorySiteReviews.advisoryId, advisoryId));
  const decided: string[] = [];
  for (const d of drafted) {
    if (reviews.some((r) => r.siteId === d.siteId && r.decidedAt)) continue;
    await saveSiteReview(tx, advisoryId, d.siteId, {
      applicable: true,
      decisionReason: "Changes drafted for the affected assets.",
      decidedBy: userId,
      decidedAt: now,
    });
    decided.push(d.siteCode);
  }
  return decided;
}

/**
 * One draft change per site with affected assets, through the change service's own create, all in
 * one transaction with the links and one audit event. A site whose affected assets are already
 * covered by a live change of this advisory is skipped, so the action can be repeated safely.
 * Drafting for a site decides, if nobody has yet, that the advisory applies there (CIP-007 R2).
 */
export async function draftChanges(actor: Actor, advisoryId: string): Promise<DraftResult> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in user can draft changes.");
  // Someone who may request changes nowhere (an auditor) is refused outright, not answered 200 with every site skipped.
  if (sitesWithPermission(actor, "change.create").length === 0)
    throw forbidden("Drafting changes needs the requester or change manager role at a site.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(8142013, hashtext(${advisoryId}))`);
    const row = await loadAdvisoryRow(tx, advisoryId);
    await tx.select({ id: advisories.id }).from(advisories).where(eq(advisories.id, row.id)).for("update");
    const facts = row.facts as AdvisoryFacts;
    const matches = (await matchesFor(actor, row.id, facts, tx)).filter((m) => m.status === "affected");
    const bySite = new Map<string, MatchView[]>();
    for (const m of matches) bySite.set(m.asset.siteId, [...(bySite.get(m.asset.siteId) ?? []), m]);
    const cves = cvesOf(facts, await kevMarks(tx, row.cveIds));
    const existing = (await linkedChanges(tx, [row.id], [...bySite.keys()])).filter(
      (c) => !ENDED.has(c.state),
    );
    const out: DraftResult = { changes: [], skipped: [] };
    const drafted: { siteId: string; siteCode: string; change: ChangeView }[] = [];
    const now = currentTime();
    for (const [siteId, siteMatches] of bySite) {
      const siteCode = siteMatches[0]!.siteCode;
      if (!hasSitePermission(actor, "change.create", siteId)) {
        out.skipped.push({ siteCode, reason: "You may not request changes at this site." });
        continue;
      }
      const covered = new Set(existing.filter((c) => c.siteId === siteId).flatMap((c) => c.assetIds));
      const open = siteMatches.filter((m) => !covered.has(m.assetId));
      if (!open.length) {
        out.skipped.push({
          siteCode,
          reason: "Every affected asset is already in a change of this advisory.",
        });
        continue;
      }
      const plan = draftPlan(
        facts,
        open.map((m) => ({ kind: m.asset.kind, productIds: m.productIds })),
      );
      const change = await createChange(actor, draftInput(row, plan, open, cves), tx);
      await tx
        .insert(advisoryChanges)
        .values({ advisoryId: row.id, changeId: change.id, siteId, kind: plan.kind, createdAt: now });
      out.changes.push(change);
      drafted.push({ siteId, siteCode, change });
    }
    if (!out.changes.length && !out.skipped.length)
      out.skipped.push({ siteCode: "", reason: "No asset you can see is affected." });
    if (drafted.length) {
      const decided = await markApplicable(tx, row.id, drafted, actor.userId!, now);
      await appendAudit(tx, actor, {
        action: "advisory.draft_changes",
        objectType: "advisory",
        objectId: row.id,
        after: {
          trackingId: row.trackingId,
          changes: drafted.map((d) => ({
            siteCode: d.siteCode,
            id: d.change.id,
            number: d.change.number,
            type: d.change.type,
            assetIds: d.change.assetIds,
          })),
          decidedApplicable: decided,
        },
      });
    }
    return out;
  });
}
