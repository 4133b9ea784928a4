import "server-only";
// An asset's criticality, safety role, GxP flag, redundancy group and area drive the approval
// policy and the risk. When one of them is edited while the asset is in the scope of an open
// change, each such change is re-evaluated in the same transaction and the outcome audited.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { changeAssets, changes } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import {
  approvalOutcome,
  evaluateSignoffs,
  standardClassIssues,
  type RequiredSignoff,
} from "@/lib/domain/changes";
import type { ChangeState } from "@/lib/domain/constants";
import { loadContext, type ChangeRow } from "./load";
import { supersedeSignoffs } from "./supersede-signoffs";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";
import { refreshSignoffSlots } from "./signoff-slots";

export const POLICY_ASSET_FIELDS = ["criticality", "safetyRelated", "gxp", "redundancyGroup", "areaCode"];
const OPEN_STATES: ChangeState[] = ["submitted", "approved", "in_progress"];

/**
 * The open changes of an asset, locked in id order. Called before the asset row is locked, so
 * the order (change rows, then assets) is the one starting a change uses and the two never deadlock.
 */
export async function lockOpenChangesOfAsset(tx: Tx, assetId: string): Promise<ChangeRow[]> {
  const ids = await tx
    .select({ id: changeAssets.changeId })
    .from(changeAssets)
    .innerJoin(changes, eq(changes.id, changeAssets.changeId))
    .where(and(eq(changeAssets.assetId, assetId), inArray(changes.state, OPEN_STATES)));
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(changes)
    .where(
      and(
        inArray(
          changes.id,
          ids.map((r) => r.id),
        ),
        inArray(changes.state, OPEN_STATES),
      ),
    )
    .orderBy(asc(changes.id))
    .for("update");
}

const describe = (list: readonly RequiredSignoff[]) =>
  list.map((r) => `${SIGNOFF_ROLE_LABELS[r.role]}${r.siteCode ? ` (${r.siteCode})` : ""}`);

/**
 * Re-evaluates each locked change after the asset edit: the stored risk follows the assets, a
 * standard change that no longer qualifies falls back to normal (and needs the normal sign-offs),
 * and an approved change that now lacks a required sign-off goes back to submitted. An
 * in-progress change keeps its state: the gate let it start on the facts of that moment, and the
 * event tells the board what changed under it.
 */
export async function reevaluateChangesOfAsset(
  tx: Tx,
  actor: Actor,
  locked: readonly ChangeRow[],
  asset: { id: string; tag: string },
  fields: readonly string[],
  requiredBefore: ReadonlyMap<string, RequiredSignoff[]>,
  now: Date,
): Promise<void> {
  for (const row of locked) {
    const ctx = await loadContext(tx, row);
    // The class is approved content: falling back supersedes the round's sign-offs, so the
    // approvers judge the change again as the normal change it now is. A started change keeps
    // the class it was started under.
    const fallsBack =
      row.class === "standard" &&
      row.state !== "in_progress" &&
      standardClassIssues(ctx.facts, ctx.risk).length > 0;
    if (fallsBack) {
      await supersedeSignoffs(
        tx,
        actor,
        row,
        ctx.signoffRows.filter((s) => s.round === row.approvalRound && s.supersededAt === null),
        `Superseded: asset ${asset.tag} no longer fits the standard class, so the change is now normal`,
        now,
      );
    }
    const outcome = fallsBack
      ? "pending"
      : approvalOutcome(evaluateSignoffs(ctx.required, ctx.counted, row.approvalRound));
    const reopen = row.state === "approved" && outcome !== "approved";
    const next = {
      risk: ctx.risk.level,
      class: fallsBack ? ("normal" as const) : row.class,
      state: reopen ? ("submitted" as const) : row.state,
      approvedAt: reopen ? null : row.approvedAt,
    };
    const [updated] = await tx
      .update(changes)
      .set({
        ...next,
        // Only a standard change names a catalog model.
        standardModelVersionId: fallsBack ? null : row.standardModelVersionId,
        version: row.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(eq(changes.id, row.id))
      .returning();
    await refreshSignoffSlots(tx, row.id);
    const before = requiredBefore.get(row.id) ?? [];
    const notes = [
      fallsBack ? "no longer fits the standard class and now needs the sign-offs of a normal change" : null,
      reopen ? "lacks a required sign-off and awaits it again" : null,
    ].filter(Boolean);
    await appendAudit(tx, actor, {
      action: "change.reevaluate",
      objectType: "change",
      objectId: row.id,
      siteId: row.siteIds[0] ?? null,
      before: {
        version: row.version,
        risk: row.risk,
        class: row.class,
        state: row.state,
        requiredSignoffs: describe(before),
      },
      after: {
        number: row.number,
        version: updated!.version,
        ...next,
        approvedAt: next.approvedAt?.toISOString() ?? null,
        requiredSignoffs: describe(ctx.required),
        assetId: asset.id,
        assetTag: asset.tag,
        fields: [...fields],
      },
      reason: `Asset ${asset.tag} edited (${fields.join(", ")}): the change was re-evaluated${notes.length ? `; it ${notes.join(" and ")}` : ""}`,
    });
  }
}
