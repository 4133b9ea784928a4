import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { advisoryPlanExtensions } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { extendPlanSchema, type ExtendPlanInput } from "@/lib/schemas/advisories";
import { parseInput } from "@/lib/services/base/parse-input";
import { passwordSigner } from "@/lib/services/auth/password-signer";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { requireScope } from "@/lib/services/authorize";
import { loadAdvisoryRow } from "./get";
import { lockSiteReview, saveSiteReview } from "./review-site";

export const EXTENSION_MEANING = "Approved as change manager: extension of the mitigation plan's target date";

/**
 * Moves a mitigation plan's target date later. Like a sign-off it is an electronic signature: the
 * change manager re-enters the password (counted toward lockout like sign-in), and the printed
 * name, meaning and UTC time are kept with the old and new dates.
 */
export async function extendMitigationPlan(
  actor: Actor,
  advisoryId: string,
  input: ExtendPlanInput,
  client: { ip?: string | null } = {},
) {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a person can sign an extension.");
  requireScope(actor, "sign");
  const data = parseInput(extendPlanSchema, input, "The extension");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await loadAdvisoryRow(tx, advisoryId);
    await lockSiteReview(tx, actor, advisoryId, data.siteCode, "advisory.extend_plan");
  });
  const signer = await passwordSigner(db, actor, data.password, client, {
    purpose: "Plan extension signature",
    undone: "the plan was not extended",
  });
  return db.transaction(async (tx) => {
    const advisory = await loadAdvisoryRow(tx, advisoryId);
    const { site, review } = await lockSiteReview(
      tx,
      actor,
      advisoryId,
      data.siteCode,
      "advisory.extend_plan",
    );
    const previous = review?.planTargetDate;
    if (!previous) throw conflict("This site has no mitigation plan to extend.");
    if (data.targetDate.getTime() <= previous.getTime())
      throw invalid("An extension must move the target date later.", [
        { path: "targetDate", message: "Must be after the current target date." },
      ]);
    const now = currentTime();
    const [ext] = await tx
      .insert(advisoryPlanExtensions)
      .values({
        advisoryId,
        siteId: site.id,
        previousTargetDate: previous,
        newTargetDate: data.targetDate,
        reason: data.reason,
        signerId: actor.userId!,
        signerName: signer.name,
        meaning: EXTENSION_MEANING,
        signedAt: now,
      })
      .returning();
    await saveSiteReview(tx, advisoryId, site.id, { planTargetDate: data.targetDate });
    await appendAudit(tx, actor, {
      action: "advisory.plan_extend",
      objectType: "advisory",
      objectId: advisoryId,
      siteId: site.id,
      before: { targetDate: previous.toISOString() },
      after: {
        trackingId: advisory.trackingId,
        siteCode: site.code,
        targetDate: data.targetDate.toISOString(),
        signerName: signer.name,
        meaning: EXTENSION_MEANING,
      },
      reason: data.reason,
    });
    return ext!;
  });
}
