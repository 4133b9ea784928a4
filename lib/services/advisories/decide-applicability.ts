import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { decideApplicabilitySchema, type DecideApplicabilityInput } from "@/lib/schemas/advisories";
import { parseInput } from "@/lib/services/base/parse-input";
import { forbidden } from "@/lib/services/base/errors";
import { loadAdvisoryRow } from "./get";
import { lockSiteReview, saveSiteReview } from "./review-site";

/** CIP-007 R2.2: the advisory applies (or not) at a site; starts the 35 days for a fix or plan. */
export async function decideApplicability(actor: Actor, advisoryId: string, input: DecideApplicabilityInput) {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a person can decide applicability.");
  const data = parseInput(decideApplicabilitySchema, input, "The decision");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const advisory = await loadAdvisoryRow(tx, advisoryId);
    const { site, review } = await lockSiteReview(tx, actor, advisoryId, data.siteCode, "advisory.assess");
    const now = currentTime();
    await saveSiteReview(tx, advisoryId, site.id, {
      applicable: data.applicable,
      decisionReason: data.reason,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    await appendAudit(tx, actor, {
      action: "advisory.applicability",
      objectType: "advisory",
      objectId: advisoryId,
      siteId: site.id,
      before: review?.decidedAt ? { applicable: review.applicable, reason: review.decisionReason } : null,
      after: { trackingId: advisory.trackingId, siteCode: site.code, applicable: data.applicable },
      reason: data.reason,
    });
    return { siteCode: site.code, applicable: data.applicable, decidedAt: now };
  });
}
