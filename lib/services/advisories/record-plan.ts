import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleGrants, users } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { mitigationPlanSchema, type MitigationPlanInput } from "@/lib/schemas/advisories";
import { parseInput } from "@/lib/services/base/parse-input";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { loadAdvisoryRow } from "./get";
import { lockSiteReview, saveSiteReview } from "./review-site";

/**
 * CIP-007 R2.3: a dated mitigation plan for an applicable advisory at a site: the actions, the
 * target date and the change manager who approves it. Once recorded, its date moves only by a
 * signed extension (extend-plan.ts).
 */
export async function recordMitigationPlan(
  actor: Actor,
  advisoryId: string,
  input: MitigationPlanInput,
  now = currentTime(),
) {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a person can record a mitigation plan.");
  const data = parseInput(mitigationPlanSchema, input, "The mitigation plan");
  if (data.targetDate.getTime() <= now.getTime())
    throw invalid("The plan's target date must be in the future.", [
      { path: "targetDate", message: "Must be in the future." },
    ]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const advisory = await loadAdvisoryRow(tx, advisoryId);
    const { site, review } = await lockSiteReview(tx, actor, advisoryId, data.siteCode, "advisory.assess");
    if (review?.applicable !== true)
      throw conflict("Decide that the advisory applies at this site before recording a mitigation plan.");
    if (review.planTargetDate)
      throw conflict(
        "This site already has a mitigation plan; extend its date with a change manager's signature.",
      );
    const [approver] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(
        and(
          eq(users.email, data.approverEmail.toLowerCase()),
          eq(roleGrants.siteId, site.id),
          eq(roleGrants.role, "change_manager"),
        ),
      );
    if (!approver)
      throw invalid(`${data.approverEmail} is not a change manager at ${site.name}; name one who is.`, [
        { path: "approverEmail", message: "Not a change manager at this site." },
      ]);
    await saveSiteReview(tx, advisoryId, site.id, {
      planActions: data.actions,
      planTargetDate: data.targetDate,
      planApproverId: approver.id,
      planRecordedBy: actor.userId,
      planRecordedAt: now,
    });
    await appendAudit(tx, actor, {
      action: "advisory.mitigation_plan",
      objectType: "advisory",
      objectId: advisoryId,
      siteId: site.id,
      after: {
        trackingId: advisory.trackingId,
        siteCode: site.code,
        actions: data.actions,
        targetDate: data.targetDate.toISOString(),
        approver: approver.email,
      },
    });
    return { siteCode: site.code, targetDate: data.targetDate, approverName: approver.name };
  });
}
