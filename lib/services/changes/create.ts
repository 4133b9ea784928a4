import "server-only";
import { currentTime } from "@/lib/clock";
import { parseInput } from "@/lib/services/base/parse-input";
import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { changeAssets, changeCounters, changes } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { riskOfContent } from "@/lib/domain/changes";
import { createChangeSchema, type CreateChangeInput } from "@/lib/schemas/changes";
import { forbidden, invalid } from "@/lib/services/base/errors";
import { standardClassRefusal } from "@/lib/domain/changes/supply-chain";
import { temporaryExpiryRefusal } from "@/lib/domain/changes/temporary";
import { loadContext, redundancyMembers, siteIdsOf, type ChangeRow } from "./internal/load";
import {
  editableSnapshot,
  resolveAssets,
  resolveFollows,
  resolveImplementer,
} from "./internal/resolve-input";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import { resolveModelVersion } from "./internal/standard-model";

/**
 * Next number of the year, CHG-YYYY-NNNNN. The upsert takes the counter row's lock, so
 * concurrent creations queue on it and never share a number; a rolled-back creation gives
 * its number back with the transaction.
 */
export async function nextChangeNumber(tx: Tx, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await tx
    .insert(changeCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: changeCounters.year, set: { last: sql`${changeCounters.last} + 1` } })
    .returning({ last: changeCounters.last });
  return `CHG-${year}-${String(row!.last).padStart(5, "0")}`;
}

/**
 * Writes a new change, its assets and its "change.create" event (with `reason` and any extra
 * trail facts, e.g. the temporary change a drafted revert undoes).
 */
export async function insertChange(
  tx: Tx,
  actor: Actor,
  values: typeof changes.$inferInsert,
  assetRows: readonly { id: string; siteId: string }[],
  implementerEmail: string | null,
  extra: { reason?: string; revertsChangeId?: string } = {},
): Promise<ChangeRow> {
  const [row] = await tx.insert(changes).values(values).returning();
  await tx
    .insert(changeAssets)
    .values(assetRows.map((a) => ({ changeId: row!.id, assetId: a.id, siteId: a.siteId })));
  await appendAudit(tx, actor, {
    action: "change.create",
    objectType: "change",
    objectId: row!.id,
    siteId: row!.siteIds[0] ?? null,
    after: {
      number: row!.number,
      state: row!.state,
      risk: row!.risk,
      ...editableSnapshot(
        row!,
        assetRows.map((a) => a.id),
        implementerEmail,
      ),
      ...(extra.revertsChangeId ? { revertsChangeId: extra.revertsChangeId } : {}),
    },
    reason: extra.reason ?? null,
  });
  return row!;
}

/** Creates a draft. The actor must be a requester or change manager at the site of every affected asset. */
export async function createChange(actor: Actor, input: CreateChangeInput): Promise<ChangeView> {
  const db = await getDb();
  return db.transaction((tx) => createChangeIn(tx, actor, input));
}

/** The same, inside the caller's transaction (advisory drafting links and audits in one). */
export async function createChangeIn(tx: Tx, actor: Actor, input: CreateChangeInput): Promise<ChangeView> {
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
