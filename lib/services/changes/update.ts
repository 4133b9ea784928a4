import "server-only";
import { currentTime } from "@/lib/clock";
import { standardClassRefusal } from "@/lib/domain/changes/supply-chain";
import { submittedOnce } from "@/lib/domain/changes/scope-editor";
import { temporaryExpiryRefusal } from "@/lib/domain/changes/temporary";
import { parseInput } from "@/lib/services/base/parse-input";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { changeAssets, changes, users } from "@/db/schema";
import { appendAudit, diffFields } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import {
  approvalOutcome,
  evaluateSignoffs,
  riskOfContent,
  signoffsToSupersede,
  supersedeOnEdit,
} from "@/lib/domain/changes";
import { updateChangeSchema, type UpdateChangeInput } from "@/lib/schemas/changes";
import { staleEdit } from "@/lib/services/base/stale-edit";
import { ServiceError, conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { requireManage } from "./internal/access";
import { editStateRefusal } from "./internal/available-actions";
import { submitIssues } from "./internal/preconditions";
import {
  buildContext,
  findVisibleChange,
  loadContext,
  redundancyMembers,
  siteIdsOf,
  type ChangeContext,
  type ChangeRow,
} from "./internal/load";
import {
  applyEdit,
  editableSnapshot,
  resolveAssets,
  resolveFollows,
  resolveImplementer,
} from "./internal/resolve-input";
import { loadScheduleConflicts } from "./internal/schedule-seam";
import { supersedeSignoffs } from "./internal/supersede-signoffs";
import { refreshSignoffSlots } from "./internal/signoff-slots";
import type { ChangeView } from "@/lib/types/changes";
import { buildChangeView } from "./internal/build-view";
import { SIGNOFF_ROLE_LABELS, changeFieldWords } from "@/lib/domain/labels";
import { requireWithinModel, resolveModelVersion } from "./internal/standard-model";

async function staleVersion(tx: Tx, row: ChangeRow) {
  const [by] = row.updatedBy
    ? await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, row.updatedBy))
    : [];
  return staleEdit(
    `Someone else changed this change first${by ? ` (${by.name})` : ""}: it is now at version ${row.version}. Reload it and apply your edit again.`,
    { version: row.version, by: by ?? null, at: row.updatedAt },
  );
}

/** The implementer gives none of the sign-offs: someone who signed this round cannot be assigned. */
function refuseSignerAsImplementer(ctx: ChangeContext, implementerId: string | null): void {
  if (!implementerId) return;
  const signed = ctx.signoffs.find((s) => s.round === ctx.row.approvalRound && s.signerId === implementerId);
  if (!signed) return;
  const message = `${signed.signerName ?? "This person"} gave the ${SIGNOFF_ROLE_LABELS[signed.role]} sign-off on this change; the person who implements a change gives none of its sign-offs. Choose someone else.`;
  throw new ServiceError("invalid", message, {
    refusal: "signer_is_implementer",
    errors: [{ path: "implementerEmail", message }],
  });
}

async function emailOf(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return u?.email ?? null;
}

/**
 * Edits a draft, submitted or approved change (a rejected one is revised first, which opens a
 * new round). `expectedVersion` is the version the editor read; a mismatch is a 409 naming who
 * changed it, and nothing is written.
 *
 * Sign-offs follow lib/domain/changes/content.ts: a scope edit supersedes every sign-off of the
 * current round, a slot move those of operations and the change board; superseded sign-offs
 * stay, marked with when and why. An approved change that loses a sign-off it needs goes back
 * to "submitted" in the same round, so the superseded approvers re-sign the new content and
 * the change approves itself again when they have; an edit that supersedes nothing (implementer,
 * test notes) leaves it approved.
 */
export async function updateChange(
  actor: Actor,
  id: string,
  input: UpdateChangeInput,
  expectedVersion: number,
): Promise<ChangeView> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in user can edit a change.");
  const userId = actor.userId;
  const data = parseInput(updateChangeSchema, input, "The edit");
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw invalid("The version you edited is missing or not a positive whole number.", [
      { path: "version", message: "Send the version you read." },
    ]);
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findVisibleChange(tx, actor, id, { forUpdate: true });
    requireManage(actor, row.siteIds);
    if (row.version !== expectedVersion) throw await staleVersion(tx, row);
    const stateRefusal = editStateRefusal(row.state);
    if (stateRefusal) throw conflict(stateRefusal);

    const ctx = await loadContext(tx, row);
    const before = editableSnapshot(
      row,
      ctx.assets.map((a) => a.id),
      await emailOf(tx, row.implementerId),
    );
    const after = applyEdit(before, data);
    const classRefusal = standardClassRefusal(after);
    if (classRefusal) throw invalid(classRefusal, [{ path: "class", message: classRefusal }]);
    const diff = diffFields(before, after);
    if (!diff) return buildChangeView(tx, actor, ctx);
    const changed = Object.keys(diff.after);
    const now = currentTime();

    const assetsChanged = changed.includes("assetIds");
    const assetRows = assetsChanged ? await resolveAssets(tx, actor, data.assetIds ?? []) : ctx.assets;
    const implementerId =
      assetsChanged || changed.includes("implementerEmail")
        ? await resolveImplementer(tx, after.implementerEmail, assetRows)
        : row.implementerId;
    if (implementerId !== row.implementerId) refuseSignerAsImplementer(ctx, implementerId);
    // Whoever edits the scope of a submitted change becomes one of its requesters (PRODUCT.md
    // "Separation of duties"): they may not sign it, now or in a later round.
    const scopeEditorIds =
      supersedeOnEdit(changed) === "all" &&
      submittedOnce({ ...row, signoffCount: ctx.signoffs.length }) &&
      userId !== row.requesterId &&
      !row.scopeEditorIds.includes(userId)
        ? [...row.scopeEditorIds, userId]
        : row.scopeEditorIds;
    const followsChangeId = changed.includes("followsChangeId")
      ? await resolveFollows(tx, actor, after.followsChangeId, row.id)
      : row.followsChangeId;
    const standardModelVersionId =
      changed.includes("standardModelVersionId") || changed.includes("class")
        ? await resolveModelVersion(tx, actor, after.class, after.standardModelVersionId)
        : row.standardModelVersionId;
    const plannedStart = after.plannedStart ? new Date(after.plannedStart) : null;
    const plannedEnd = after.plannedEnd ? new Date(after.plannedEnd) : null;
    if (plannedStart && plannedEnd && plannedEnd <= plannedStart) {
      throw invalid("The planned end must be after the planned start.", [
        { path: "plannedEnd", message: "The planned end must be after the planned start." },
      ]);
    }

    const temporaryUntil = after.temporaryUntil ? new Date(after.temporaryUntil) : null;
    if (changed.includes("temporaryUntil") || changed.includes("plannedEnd")) {
      const refused = temporaryExpiryRefusal(temporaryUntil, plannedEnd, now);
      if (refused) throw invalid(refused, [{ path: "temporaryUntil", message: refused }]);
    }

    const members = await redundancyMembers(tx, assetRows);
    const risk = riskOfContent(after, assetRows, members);
    const values = {
      type: after.type,
      class: after.class,
      title: after.title,
      description: after.description,
      justification: after.justification,
      references: data.references ?? row.references,
      implementationPlan: after.implementationPlan,
      backoutPlan: after.backoutPlan,
      testedOnTestBench: after.testedOnTestBench,
      vendorQualified: after.vendorQualified,
      testNotes: after.testNotes,
      expectedDowntimeMinutes: after.expectedDowntimeMinutes,
      productionImpact: after.productionImpact,
      safetyImpact: after.safetyImpact,
      safetyBypassRequired: after.safetyBypassRequired,
      plannedStart,
      plannedEnd,
      implementerId,
      followsChangeId,
      temporaryUntil,
      standardModelVersionId,
      // Naming a catalog model binds a legacy standard change to it from now on.
      standardLegacy: row.standardLegacy && !standardModelVersionId && after.class === "standard",
      risk: risk.level,
      siteIds: siteIdsOf(assetRows),
      scopeEditorIds,
    };

    const supersededIds = new Set(signoffsToSupersede(ctx.signoffs, changed, row.approvalRound));
    const signoffRowsAfter = ctx.signoffRows.map((s) =>
      supersededIds.has(s.id) ? { ...s, supersededAt: now } : s,
    );
    const next = buildContext({ ...row, ...values }, assetRows, signoffRowsAfter, members);

    if (row.state !== "draft") {
      const slotMoved = changed.includes("plannedStart") || changed.includes("plannedEnd");
      const issues = submitIssues(next, slotMoved ? now : undefined);
      if (issues.length) throw invalid("A submitted change must stay complete and fit its class.", issues);
      if (!next.row.standardLegacy) await requireWithinModel(tx, next);
      if (slotMoved || assetsChanged) {
        const found = await loadScheduleConflicts(
          tx,
          next.row,
          assetRows.map((a) => a.id),
        );
        if (found.length)
          throw conflict("The new slot conflicts with the schedule.", {
            reasons: found.map((c) => ({ code: c.code, message: c.message })),
          });
      }
    }

    let state = row.state;
    let approvedAt = row.approvedAt;
    if (row.state === "approved" && supersededIds.size > 0) {
      const outcome = approvalOutcome(evaluateSignoffs(next.required, next.counted, row.approvalRound));
      if (outcome !== "approved") {
        state = "submitted";
        approvedAt = null;
      }
    }

    const [updated] = await tx
      .update(changes)
      .set({ ...values, state, approvedAt, version: row.version + 1, updatedAt: now, updatedBy: userId })
      .where(eq(changes.id, row.id))
      .returning();
    await refreshSignoffSlots(tx, row.id);
    if (assetsChanged) {
      await tx.delete(changeAssets).where(eq(changeAssets.changeId, row.id));
      await tx
        .insert(changeAssets)
        .values(assetRows.map((a) => ({ changeId: row.id, assetId: a.id, siteId: a.siteId })));
    }
    const scope = supersedeOnEdit(changed);
    const reason =
      scope === "all"
        ? `Superseded by an edit of the approved content (${changed.map(changeFieldWords).join(", ")}) in version ${updated!.version}`
        : `Superseded by moving the planned slot in version ${updated!.version}`;
    await supersedeSignoffs(
      tx,
      actor,
      updated!,
      ctx.signoffRows.filter((s) => supersededIds.has(s.id)),
      reason,
      now,
    );

    const auditBefore: Record<string, unknown> = { ...diff.before };
    const auditAfter: Record<string, unknown> = { ...diff.after };
    // Derived fields that moved with the edit are part of the field-level record too.
    if (row.risk !== risk.level) {
      auditBefore.risk = row.risk;
      auditAfter.risk = risk.level;
    }
    if (row.state !== state) {
      auditBefore.state = row.state;
      auditAfter.state = state;
    }
    await appendAudit(tx, actor, {
      action: "change.update",
      objectType: "change",
      objectId: row.id,
      siteId: updated!.siteIds[0] ?? null,
      before: { version: row.version, ...auditBefore },
      after: { version: updated!.version, ...auditAfter },
      reason:
        row.state !== state
          ? `Edit superseded ${supersededIds.size} sign-off(s); the change awaits new sign-offs`
          : supersededIds.size
            ? `Edit superseded ${supersededIds.size} sign-off(s)`
            : null,
    });
    return buildChangeView(tx, actor, await loadContext(tx, updated!), now);
  });
}
