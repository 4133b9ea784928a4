import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  advisoryChanges,
  advisorySiteReviews,
  changeAssets,
  changes,
  kevEntries,
  sites,
  users,
} from "@/db/schema";
import { siteClock, type SiteClock } from "@/lib/domain/advisories/clocks";
import type { ChangeState } from "@/lib/domain/constants";
import type { KevMark, LinkedChange } from "@/lib/types/advisories";
import type { MatchView } from "./matches";

/** The known-exploited marks of these CVEs from the latest imported catalog. */
export async function kevMarks(db: Executor, cves: string[]): Promise<Map<string, KevMark>> {
  if (!cves.length) return new Map();
  const rows = await db
    .select()
    .from(kevEntries)
    .where(inArray(kevEntries.cve, [...new Set(cves)]));
  return new Map(
    rows.map((r) => [
      r.cve,
      {
        dateAdded: r.dateAdded,
        dueDate: r.dueDate,
        requiredAction: r.requiredAction,
        ransomware: r.knownRansomwareCampaignUse.toLowerCase() === "known",
        catalogVersion: r.catalogVersion,
      },
    ]),
  );
}

export async function linkedChanges(db: Executor, advisoryIds: string[], siteIds: string[]) {
  if (!advisoryIds.length || !siteIds.length) return [];
  const rows = await db
    .select({
      advisoryId: advisoryChanges.advisoryId,
      changeId: changes.id,
      number: changes.number,
      title: changes.title,
      state: changes.state,
      type: changes.type,
      kind: advisoryChanges.kind,
      siteId: advisoryChanges.siteId,
    })
    .from(advisoryChanges)
    .innerJoin(changes, eq(changes.id, advisoryChanges.changeId))
    .where(and(inArray(advisoryChanges.advisoryId, advisoryIds), inArray(advisoryChanges.siteId, siteIds)));
  const ids = rows.map((r) => r.changeId);
  const members = ids.length
    ? await db
        .select({ changeId: changeAssets.changeId, assetId: changeAssets.assetId })
        .from(changeAssets)
        .where(inArray(changeAssets.changeId, ids))
    : [];
  return rows.map((r) => ({
    ...r,
    assetIds: members.filter((m) => m.changeId === r.changeId).map((m) => m.assetId),
  }));
}

export interface SiteReview {
  siteId: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  applicable: boolean | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  plan: {
    actions: string;
    targetDate: Date;
    approverName: string;
    approverEmail: string;
    recordedAt: Date;
  } | null;
  clock: SiteClock;
  counts: { affected: number; unknown: number; notAffected: number };
}

/**
 * The CIP-007 R2 review of each site where the advisory touches an asset the caller can see
 * (affected or undecided). Sites with only unaffected assets need no decision.
 */
export async function siteReviews(
  db: Executor,
  advisory: { id: string; importedAt: Date },
  matches: MatchView[],
  changesOf: { siteId: string; state: ChangeState; kind: "fix" | "mitigation" }[],
  now: Date,
): Promise<SiteReview[]> {
  const relevant = [
    ...new Set(matches.filter((m) => m.status !== "not_affected").map((m) => m.asset.siteId)),
  ];
  if (!relevant.length) return [];
  const rows = await db
    .select({
      review: advisorySiteReviews,
      siteId: sites.id,
      siteCode: sites.code,
      siteName: sites.name,
      timeZone: sites.timeZone,
    })
    .from(sites)
    .leftJoin(
      advisorySiteReviews,
      and(eq(advisorySiteReviews.siteId, sites.id), eq(advisorySiteReviews.advisoryId, advisory.id)),
    )
    .where(inArray(sites.id, relevant));
  const people = [
    ...new Set(
      rows.flatMap((r) => [r.review?.decidedBy, r.review?.planApproverId]).filter((x): x is string => !!x),
    ),
  ];
  const names = new Map(
    (people.length
      ? await db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, people))
      : []
    ).map((u) => [u.id, u]),
  );
  return rows
    .map((r): SiteReview => {
      const mine = matches.filter((m) => m.asset.siteId === r.siteId);
      const review = r.review;
      const closedFixChanges = changesOf.filter(
        (c) => c.siteId === r.siteId && c.kind === "fix" && c.state === "closed",
      ).length;
      const plan =
        review?.planActions && review.planTargetDate && review.planRecordedAt
          ? {
              actions: review.planActions,
              targetDate: review.planTargetDate,
              approverName: names.get(review.planApproverId ?? "")?.name ?? "",
              approverEmail: names.get(review.planApproverId ?? "")?.email ?? "",
              recordedAt: review.planRecordedAt,
            }
          : null;
      return {
        siteId: r.siteId,
        siteCode: r.siteCode,
        siteName: r.siteName,
        timeZone: r.timeZone,
        applicable: review?.applicable ?? null,
        decisionReason: review?.decisionReason ?? null,
        decidedByName: names.get(review?.decidedBy ?? "")?.name ?? null,
        decidedAt: review?.decidedAt ?? null,
        plan,
        clock: siteClock(
          {
            importedAt: advisory.importedAt,
            timeZone: r.timeZone,
            applicable: review?.applicable ?? null,
            decidedAt: review?.decidedAt ?? null,
            planTargetDate: plan?.targetDate ?? null,
            closedFixChanges,
          },
          now,
        ),
        counts: {
          affected: mine.filter((m) => m.status === "affected").length,
          unknown: mine.filter((m) => m.status === "unknown").length,
          notAffected: mine.filter((m) => m.status === "not_affected").length,
        },
      };
    })
    .sort((a, b) => a.siteCode.localeCompare(b.siteCode));
}

export type { KevMark, LinkedChange };
