import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { advisoryMatchDecisions, assets } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import type { AdvisoryFacts } from "@/lib/domain/advisories";
import { decideMatchSchema, type DecideMatchInput } from "@/lib/schemas/advisories";
import { parseInput } from "@/lib/services/base/parse-input";
import { requireSitePermission } from "@/lib/services/authorize";
import { conflict, forbidden, notFound } from "@/lib/services/base/errors";
import { loadAdvisoryRow } from "./get";
import { combineMatches, inventoryAt } from "./matches";

/**
 * A security approver or change manager at the asset's site settles a match the rules left
 * unknown: affected or not affected, with a reason. Recorded, audited, and shown beside the rule's
 * own verdict. Only unknown matches can be decided: the rules' verdicts are not overridden here.
 */
export async function decideMatch(actor: Actor, advisoryId: string, input: DecideMatchInput) {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a person can decide a match.");
  const data = parseInput(decideMatchSchema, input, "The decision");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const advisory = await loadAdvisoryRow(tx, advisoryId);
    const [asset] = await tx
      .select({ siteId: assets.siteId })
      .from(assets)
      .where(eq(assets.id, data.assetId));
    if (!asset) throw notFound("Asset");
    requireSitePermission(actor, "advisory.assess", asset.siteId, "Asset");
    const [match] = combineMatches(
      advisory.facts as AdvisoryFacts,
      (await inventoryAt(tx, [asset.siteId])).filter((a) => a.id === data.assetId),
      [],
    );
    if (!match)
      throw conflict("This asset's vendor is not named by the advisory; there is nothing to decide.");
    if (match.ruleStatus !== "unknown")
      throw conflict(
        `The rules already found this asset ${match.ruleStatus === "affected" ? "affected" : "not affected"}: ${match.reason}`,
      );
    const [prior] = await tx
      .select()
      .from(advisoryMatchDecisions)
      .where(
        and(
          eq(advisoryMatchDecisions.advisoryId, advisoryId),
          eq(advisoryMatchDecisions.assetId, data.assetId),
        ),
      )
      .for("update");
    const now = currentTime();
    const values = {
      advisoryId,
      assetId: data.assetId,
      siteId: asset.siteId,
      status: data.status,
      reason: data.reason,
      decidedBy: actor.userId!,
      decidedAt: now,
    };
    await tx
      .insert(advisoryMatchDecisions)
      .values(values)
      .onConflictDoUpdate({
        target: [advisoryMatchDecisions.advisoryId, advisoryMatchDecisions.assetId],
        set: { status: data.status, reason: data.reason, decidedBy: actor.userId!, decidedAt: now },
      });
    await appendAudit(tx, actor, {
      action: "advisory.match_decide",
      objectType: "advisory",
      objectId: advisoryId,
      siteId: asset.siteId,
      before:
        prior && prior.advisoryId === advisoryId
          ? { assetId: prior.assetId, status: prior.status, reason: prior.reason }
          : null,
      after: {
        trackingId: advisory.trackingId,
        assetId: data.assetId,
        status: data.status,
        ruleReason: match.reason,
      },
      reason: data.reason,
    });
    return values;
  });
}
