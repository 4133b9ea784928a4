import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { getDb, type Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { riskOfContent } from "@/lib/domain/changes";
import { createChangeSchema, type CreateChangeInput } from "@/lib/schemas/changes";
import { forbidden, invalid } from "@/lib/services/base/errors";
import { standardClassRefusal } from "@/lib/domain/changes/supply-chain";
import { temporaryExpiryRefusal } from "@/lib/domain/changes/temporary";
import { loadContext, redundancyMembers, siteIdsOf } from "./internal/load";
import { resolveAssets, resolveFollows, resolveImplementer } from "./internal/resolve-input";
import { nextChangeNumber } from "./internal/change-number";
import { insertChange } from "./internal/insert-change";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import { resolveModelVersion } from "./internal/standard-model";

/**
 * Creates a draft. The actor must be a requester or change manager at the site of every affected
 * asset. Given `tx`, it writes inside the caller's transaction (advisory drafting links and audits
 * the drafts in one).
 */
export async function createChange(actor: Actor, input: CreateChangeInput, tx?: Tx): Promise<ChangeView> {
  if (!tx) return (await getDb()).transaction((own) => createChange(actor, input, own));
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in user can request a change.");
  const requesterId = actor.userId;
  const data = parseInput(createChangeSchema, input, "The change");
  const classRefusal = standardClassRefusal(data);
  if (classRefusal) throw invalid(classRefusal, [{ path: "class", message: classRefusal }]);
  const assetRows = await resolveAssets(tx, actor, data.assetIds);
  const implementerId = await resolveImplementer(tx, data.implementerEmail, assetRows);
  const followsChangeId = await resolveFollows(tx, actor, data.followsChangeId);
  const standardModelVersionId = await resolveModelVersion(
    tx,
    actor,
    data.class,
    data.standardModelVersionId,
  );
  const now = currentTime();
  const expiryRefusal = temporaryExpiryRefusal(data.temporaryUntil, data.plannedEnd, now);
  if (expiryRefusal) throw invalid(expiryRefusal, [{ path: "temporaryUntil", message: expiryRefusal }]);
  const number = await nextChangeNumber(tx, now);
  const risk = riskOfContent(data, assetRows, await redundancyMembers(tx, assetRows));
  const values = {
    number,
    type: data.type,
    class: data.class,
    title: data.title,
    description: data.description,
    justification: data.justification,
    references: data.references,
    implementationPlan: data.implementationPlan,
    backoutPlan: data.backoutPlan,
    testedOnTestBench: data.testedOnTestBench,
    vendorQualified: data.vendorQualified,
    testNotes: data.testNotes,
    expectedDowntimeMinutes: data.expectedDowntimeMinutes,
    productionImpact: data.productionImpact,
    safetyImpact: data.safetyImpact,
    safetyBypassRequired: data.safetyBypassRequired,
    plannedStart: data.plannedStart,
    plannedEnd: data.plannedEnd,
    implementerId,
    requesterId,
    followsChangeId,
    temporaryUntil: data.temporaryUntil,
    standardModelVersionId,
    risk: risk.level,
    siteIds: siteIdsOf(assetRows),
    approvalRound: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: requesterId,
  };
  const row = await insertChange(tx, actor, values, assetRows, data.implementerEmail);
  return buildChangeView(tx, actor, await loadContext(tx, row), now);
}
