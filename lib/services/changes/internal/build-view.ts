import "server-only";
import { currentTime } from "@/lib/clock";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { advisories, advisoryChanges, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import {
  contentHash,
  evaluateSignoffs,
  explainRisk,
  isoUtc,
  pssrRequired,
  retrospectiveDueAt,
  signoffMatches,
} from "@/lib/domain/changes";
import { INSTALLS_VENDOR_SOFTWARE } from "@/lib/domain/changes/supply-chain";
import { changeActions, signOptions } from "./available-actions";
import { decideGate } from "./decide-gate";
import { loadIntegrityCheck } from "./integrity-check";
import { loadFollowLinks } from "./follow-links";
import { loadTemporaryLinks } from "./temporary";
import type { ChangeContext } from "./load";
import { statedContent } from "./row-content";
import { changeModelRef } from "./standard-model";
import type { ChangeView, RequiredSignoffView, SignoffView } from "@/lib/types/changes";

const iso = (d: Date | null | undefined) => (d ? isoUtc(d) : null);

async function namesOf(tx: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length
    ? await tx
        .select({ id: users.id, email: users.email, name: users.name })
        .from(users)
        .where(inArray(users.id, wanted))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

function requiredView(ctx: ChangeContext, now: Date): RequiredSignoffView[] {
  const dueAt = retrospectiveDueAt(ctx.facts);
  const evaluation = evaluateSignoffs(ctx.required, ctx.counted, ctx.row.approvalRound, {
    now,
    approvedAt: ctx.row.approvedAt,
  });
  const list: RequiredSignoffView[] = ctx.required.map((req) => {
    const hit = evaluation.satisfied.find((s) => s.req === req);
    const overdue = evaluation.overdueRetrospective.some((o) => o.req === req);
    return {
      role: req.role,
      siteCode: req.siteCode,
      satisfied: Boolean(hit),
      reason: req.reason,
      retrospective: req.retrospectiveAllowed,
      dueAt: req.retrospectiveAllowed ? iso(dueAt) : null,
      overdue,
      signoffId: hit?.signoff.id ?? null,
    };
  });
  // The PSSR is owed after implementation, so the policy leaves it out of the pre-start list;
  // it is shown here so the change page tells the whole story up front.
  if (pssrRequired(ctx.facts)) {
    const pssr = ctx.counted.find(
      (s) =>
        s.round === ctx.row.approvalRound &&
        !s.superseded &&
        s.decision === "approve" &&
        signoffMatches({ role: "pssr", siteId: null }, s),
    );
    list.push({
      role: "pssr",
      siteCode: null,
      satisfied: Boolean(pssr),
      reason: "Pre-startup safety review by a safety approver after implementation, before closing",
      retrospective: false,
      dueAt: null,
      overdue: false,
      signoffId: pssr?.id ?? null,
    });
  }
  return list;
}

/**
 * The full change as the change page and GET /api/v1/changes/{id} show it. The start button's
 * reasons come from the same gate evaluation (including the scheduling checks) that POST
 * .../start runs; a mutation calls it inside its transaction, a read on the database.
 */
export async function buildChangeView(
  tx: Executor,
  actor: Actor,
  ctx: ChangeContext,
  now = currentTime(),
): Promise<ChangeView> {
  const { row } = ctx;
  const people = await namesOf(tx, [row.requesterId, row.implementerId, row.updatedBy]);
  const siteIds = [
    ...new Set([...row.siteIds, ...ctx.signoffRows.map((s) => s.siteId).filter((x): x is string => !!x)]),
  ];
  const siteRows = siteIds.length ? await tx.select().from(sites).where(inArray(sites.id, siteIds)) : [];
  const siteCode = new Map(siteRows.map((s) => [s.id, s.code]));
  const gate = row.state === "approved" ? await decideGate(tx, actor, ctx, now) : null;
  // Recorded only at completion, so a change still before it needs no query.
  const integrityCheck = row.outcome ? await loadIntegrityCheck(tx, row.id) : null;
  const fromAdvisories = await tx
    .select({ id: advisories.id, trackingId: advisories.trackingId, title: advisories.title })
    .from(advisoryChanges)
    .innerJoin(advisories, eq(advisories.id, advisoryChanges.advisoryId))
    .where(eq(advisoryChanges.changeId, row.id))
    .orderBy(asc(advisories.trackingId));
  const signing = signOptions(actor, ctx);
  const dueAt = retrospectiveDueAt(ctx.facts);
  const evaluation = evaluateSignoffs(ctx.required, ctx.counted, row.approvalRound, {
    now,
    approvedAt: row.approvedAt,
  });
  const assetIds = ctx.assets.map((a) => a.id);

  const signoffList: SignoffView[] = ctx.signoffRows.map((s) => ({
    id: s.id,
    round: s.round,
    currentRound: s.round === row.approvalRound,
    role: s.role,
    siteCode: s.siteId ? (siteCode.get(s.siteId) ?? null) : null,
    decision: s.decision,
    signerEmail: s.signerEmail,
    signerName: s.signerName,
    onBehalfOfName: s.onBehalfOfName,
    meaning: s.meaning,
    signedAt: isoUtc(s.signedAt),
    comment: s.comment,
    contentHash: s.contentHash,
    retrospective: s.retrospective,
    acknowledged: s.acknowledged,
    method: s.method,
    superseded: s.supersededAt !== null,
    supersededAt: iso(s.supersededAt),
    supersededReason: s.supersededReason,
  }));

  return {
    id: row.id,
    number: row.number,
    version: row.version,
    state: row.state,
    ...statedContent(row),
    assetIds,
    plannedStart: iso(row.plannedStart),
    plannedEnd: iso(row.plannedEnd),
    implementerEmail: row.implementerId ? (people.get(row.implementerId)?.email ?? null) : null,
    implementerName: row.implementerId ? (people.get(row.implementerId)?.name ?? null) : null,
    requesterEmail: people.get(row.requesterId)?.email ?? "",
    requesterName: people.get(row.requesterId)?.name ?? "",
    risk: ctx.risk.level,
    riskScore: ctx.risk.score,
    riskFactors: ctx.risk.factors,
    riskExplanation: explainRisk(ctx.risk),
    requiredSignoffs: requiredView(ctx, now),
    signoffs: signoffList,
    pssrRequired: pssrRequired(ctx.facts),
    approvalRound: row.approvalRound,
    contentHash: contentHash(ctx.content),
    retrospectiveDueAt: ctx.required.some((r) => r.retrospectiveAllowed) ? iso(dueAt) : null,
    overdueRetrospective: evaluation.overdueRetrospective.map((o) => ({
      role: o.req.role,
      siteCode: o.req.siteCode,
      dueAt: isoUtc(o.dueAt),
    })),
    availableActions: changeActions(actor, ctx, gate, now, signing),
    signOptions: signing,
    sites: siteRows
      .filter((s) => row.siteIds.includes(s.id))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((s) => ({ id: s.id, code: s.code, name: s.name, timeZone: s.timeZone })),
    assets: ctx.assets.map((a) => ({
      id: a.id,
      tag: a.tag,
      name: a.name,
      kind: a.kind,
      siteCode: a.siteCode,
      areaCode: a.areaCode,
      criticality: a.criticality,
      safetyRelated: a.safetyRelated,
      gxp: a.gxp,
      redundancyGroup: a.redundancyGroup,
      version: a.version,
    })),
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    actualStart: iso(row.actualStart),
    actualEnd: iso(row.actualEnd),
    outcome: row.outcome,
    outcomeNotes: row.outcomeNotes,
    integrityRequired: INSTALLS_VENDOR_SOFTWARE.has(row.type),
    integrityCheck,
    pirSecurityVerified: row.pirSecurityVerified,
    pirBaselineUpdated: row.pirBaselineUpdated,
    pirNotes: row.pirNotes,
    closedAt: iso(row.closedAt),
    followsChangeId: row.followsChangeId,
    ...(await loadFollowLinks(tx, actor, row)),
    temporaryUntil: iso(row.temporaryUntil),
    temporary: await loadTemporaryLinks(tx, row, { actor, ctx }),
    standardModelVersionId: row.standardModelVersionId,
    standardModel: await changeModelRef(tx, row),
    standardLegacy: row.standardLegacy,
    advisories: fromAdvisories,
    createdAt: isoUtc(row.createdAt),
    updatedAt: isoUtc(row.updatedAt),
    updatedByEmail: row.updatedBy ? (people.get(row.updatedBy)?.email ?? null) : null,
  };
}
