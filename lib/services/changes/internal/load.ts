import "server-only";
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { areas, assets, changeAssets, changes, signoffs, sites } from "@/db/schema";
import type { Actor, GrantDelegation } from "@/lib/auth/actor";
import type { SignerFacts } from "@/lib/domain/delegation/signing";
import { sitesWithPermission } from "@/lib/auth/permissions";
import {
  assetFacts,
  groupKey,
  countedSignoffs,
  policyFacts,
  requiredSignoffs,
  riskOf,
  type ApprovalContent,
  type ChangeFacts,
  type RequiredSignoff,
  type RiskResult,
  type SignoffFacts,
} from "@/lib/domain/changes";
import type { AssetKind, Criticality, Exposure } from "@/lib/domain/constants";
import { notFound } from "@/lib/services/base/errors";
import { UUID_RE } from "@/lib/services/base/match";
import type { KnownAssets } from "@/lib/services/schedule/schedule-facts";
import { canViewChange } from "./access";
import { judgedFacts, statedContent } from "./row-content";

export type ChangeRow = typeof changes.$inferSelect;
export type SignoffRow = typeof signoffs.$inferSelect;

export interface AssetRow {
  id: string;
  siteId: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  areaId: string | null;
  areaCode: string | null;
  tag: string;
  name: string;
  kind: AssetKind;
  criticality: Criticality;
  safetyRelated: boolean;
  gxp: boolean;
  exposure: Exposure;
  redundancyGroup: string | null;
  version: string;
}

/** Everything the pure rules need about one change, loaded once per request. */
export interface ChangeContext {
  row: ChangeRow;
  assets: AssetRow[];
  facts: ChangeFacts;
  signoffRows: SignoffRow[];
  signoffs: SignoffFacts[];
  risk: RiskResult;
  /** The list shown on the change, computed with redundancy-group membership. */
  required: RequiredSignoff[];
  /** What a signature covers, as stored now. */
  content: ApprovalContent;
  /** The sign-offs that count: hash-verified against `content`, then separation of duties. */
  counted: SignoffFacts[];
  /** The assets with every member of their redundancy groups, when loaded with the change (schedule facts reuse them). */
  known?: KnownAssets;
}

const assetColumns = {
  id: assets.id,
  siteId: assets.siteId,
  siteCode: sites.code,
  siteName: sites.name,
  timeZone: sites.timeZone,
  areaId: assets.areaId,
  areaCode: areas.code,
  tag: assets.tag,
  name: assets.name,
  kind: assets.kind,
  criticality: assets.criticality,
  safetyRelated: assets.safetyRelated,
  gxp: assets.gxp,
  exposure: assets.exposure,
  redundancyGroup: assets.redundancyGroup,
  version: assets.version,
};

/**
 * The change row, if the actor may see it: only when they can view EVERY site of the change
 * (site_ids <@ visible). Seeing one site of a multi-site change is not enough, because the
 * change would disclose the other site's assets and people. Anything else answers not found.
 */
export async function findVisibleChange(
  ex: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ChangeRow> {
  if (!UUID_RE.test(id)) throw notFound("Change");
  const query = ex.select().from(changes).where(eq(changes.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row || !canViewChange(actor, row.siteIds)) throw notFound("Change");
  return row;
}

export async function loadAssets(ex: Executor, ids: readonly string[]): Promise<AssetRow[]> {
  if (ids.length === 0) return [];
  return ex
    .select(assetColumns)
    .from(assets)
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .leftJoin(areas, eq(areas.id, assets.areaId))
    .where(inArray(assets.id, [...ids]))
    .orderBy(asc(sites.code), asc(assets.tag));
}

async function assetsOfChanges(ex: Executor, changeIds: readonly string[]): Promise<Map<string, AssetRow[]>> {
  const out = new Map<string, AssetRow[]>();
  if (changeIds.length === 0) return out;
  const rows = await ex
    .select({ changeId: changeAssets.changeId, ...assetColumns })
    .from(changeAssets)
    .innerJoin(assets, eq(assets.id, changeAssets.assetId))
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .leftJoin(areas, eq(areas.id, assets.areaId))
    .where(inArray(changeAssets.changeId, [...changeIds]))
    .orderBy(asc(sites.code), asc(assets.tag));
  for (const { changeId, ...a } of rows) {
    const list = out.get(changeId) ?? [];
    list.push(a);
    out.set(changeId, list);
  }
  return out;
}

/** Every member of the redundancy groups the assets belong to, keyed "SITE/group". */
export async function redundancyMembers(
  ex: Executor,
  list: readonly AssetRow[],
): Promise<Record<string, string[]>> {
  const pairs = new Map<string, { siteId: string; siteCode: string; group: string }>();
  for (const a of list) {
    if (a.redundancyGroup)
      pairs.set(groupKey(a.siteCode, a.redundancyGroup), {
        siteId: a.siteId,
        siteCode: a.siteCode,
        group: a.redundancyGroup,
      });
  }
  if (pairs.size === 0) return {};
  const conds: SQL[] = [...pairs.values()].map((p) =>
    and(eq(assets.siteId, p.siteId), eq(assets.redundancyGroup, p.group))!,
  );
  const rows = await ex
    .select({ id: assets.id, siteCode: sites.code, group: assets.redundancyGroup })
    .from(assets)
    .innerJoin(sites, eq(sites.id, assets.siteId))
    .where(or(...conds));
  const members: Record<string, string[]> = {};
  for (const r of rows) {
    if (!r.group) continue;
    (members[groupKey(r.siteCode, r.group)] ??= []).push(r.id);
  }
  return members;
}

export function changeFacts(row: ChangeRow, list: readonly AssetRow[]): ChangeFacts {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    type: row.type,
    class: row.class,
    requesterId: row.requesterId,
    scopeEditorIds: row.scopeEditorIds,
    implementerId: row.implementerId,
    ...judgedFacts(row),
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    approvalRound: row.approvalRound,
    approvedAt: row.approvedAt,
    assets: list.map(assetFacts),
  };
}

export function signoffFacts(s: SignoffRow): SignoffFacts {
  return {
    id: s.id,
    role: s.role,
    siteId: s.siteId,
    decision: s.decision,
    signerId: s.signerId,
    signerName: s.signerName,
    onBehalfOfId: s.onBehalfOfId,
    signedAt: s.signedAt,
    round: s.round,
    superseded: s.supersededAt !== null,
    supersededAt: s.supersededAt,
    retrospective: s.retrospective,
    contentHash: s.contentHash,
    scopeHash: s.scopeHash,
    hashVersion: s.hashVersion,
    acknowledged: s.acknowledged,
  };
}

/** The actor as the signing rules see them: their roles, each lent one with whose authority it carries. */
export function actorFacts(actor: Actor): SignerFacts<GrantDelegation> {
  return {
    userId: actor.userId ?? "",
    isAdmin: actor.isAdmin,
    grants: actor.grants.map((g) => ({
      siteId: g.siteId,
      role: g.role,
      ...(g.delegation ? { delegation: g.delegation } : {}),
    })),
    implementSiteIds: sitesWithPermission(actor, "change.implement"),
  };
}

export function buildContext(
  row: ChangeRow,
  list: AssetRow[],
  signoffRows: SignoffRow[],
  members: Record<string, string[]>,
): ChangeContext {
  const facts = changeFacts(row, list);
  const risk = riskOf(facts, members);
  const signoffList = signoffRows.map(signoffFacts);
  const content = approvalContent(
    row,
    list.map((a) => a.id),
  );
  return {
    row,
    assets: list,
    facts,
    signoffRows,
    signoffs: signoffList,
    risk,
    required: requiredSignoffs(policyFacts(facts, risk), risk),
    content,
    counted: countedSignoffs(facts, signoffList, content).counted,
  };
}

export async function loadContext(ex: Executor, row: ChangeRow): Promise<ChangeContext> {
  const [ctx] = await loadContexts(ex, [row]);
  return ctx!;
}

/** Batched: three queries whatever the number of changes (inbox, dashboard). */
export async function loadContexts(ex: Executor, rows: readonly ChangeRow[]): Promise<ChangeContext[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const byChange = await assetsOfChanges(ex, ids);
  const signoffRows = await ex
    .select()
    .from(signoffs)
    .where(inArray(signoffs.changeId, ids))
    .orderBy(asc(signoffs.signedAt), asc(signoffs.id));
  const members = await redundancyMembers(ex, [...byChange.values()].flat());
  return rows.map((row) =>
    buildContext(
      row,
      byChange.get(row.id) ?? [],
      signoffRows.filter((s) => s.changeId === row.id),
      members,
    ),
  );
}

/** What a signature covers (lib/domain/changes/content.ts), from the stored row. */
export function approvalContent(row: ChangeRow, assetIds: readonly string[]): ApprovalContent {
  return {
    assetIds,
    ...statedContent(row),
    temporaryUntil: row.temporaryUntil,
    standardModelVersionId: row.standardModelVersionId,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
  };
}

/** The sites of a set of assets, sorted by code: stored in changes.site_ids for scoped queries. */
export function siteIdsOf(list: readonly Pick<AssetRow, "siteId" | "siteCode">[]): string[] {
  const bySite = new Map<string, string>();
  for (const a of list) bySite.set(a.siteId, a.siteCode);
  return [...bySite.entries()].sort((x, y) => x[1].localeCompare(y[1])).map(([id]) => id);
}
