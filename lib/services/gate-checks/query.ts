import "server-only";
import { and, arrayContained, arrayContains, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiTokens, changes, gateChecks, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { GateCheckQuery } from "@/lib/schemas/gate-checks";
import { requireAuditScope } from "@/lib/services/audit/conditions";
import { requireSitePermission } from "@/lib/services/authorize";
import { notFound } from "@/lib/services/base/errors";
import type { GateCheckView } from "@/lib/types/audit";

type Permission = "audit.view" | "audit.export";

export interface GateCheckFilter {
  where: SQL;
  site: { id: string; code: string } | null;
}

/**
 * One WHERE clause for the log, always carrying the reader's scope: an entry is visible when its
 * change is, to a reader with the permission at every site of the change (as the change's own
 * audit events are, so a multi-site change's polling does not leak to one site's auditors).
 */
export async function gateCheckFilter(
  db: Executor,
  actor: Actor,
  query: GateCheckQuery,
  permission: Permission,
): Promise<GateCheckFilter> {
  const scope = requireAuditScope(actor, permission);
  const conds: SQL[] = [arrayContained(changes.siteIds, scope)];
  let site: GateCheckFilter["site"] = null;
  if (query.site) {
    const [row] = await db
      .select({ id: sites.id, code: sites.code })
      .from(sites)
      .where(eq(sites.code, query.site))
      .limit(1);
    if (!row) throw notFound("Site");
    requireSitePermission(actor, permission, row.id, "Site");
    site = row;
    conds.push(arrayContains(changes.siteIds, [row.id]));
  }
  if (query.change) {
    const [row] = await db
      .select({ id: changes.id, siteIds: changes.siteIds })
      .from(changes)
      .where(eq(changes.number, query.change))
      .limit(1);
    if (!row || !row.siteIds.every((s) => scope.includes(s))) throw notFound(`Change ${query.change}`);
    conds.push(eq(gateChecks.changeId, row.id));
  }
  if (query.actor) conds.push(eq(gateChecks.actorEmail, query.actor));
  if (query.answer) conds.push(eq(gateChecks.allowed, query.answer === "allowed"));
  if (query.from) conds.push(gte(gateChecks.lastAt, query.from));
  if (query.to) conds.push(lt(gateChecks.firstAt, query.to));
  return { where: and(...conds)!, site };
}

/** Newest first, keyset by id; `beforeId` is the last id of the previous page. */
export async function fetchGateChecks(
  db: Executor,
  where: SQL,
  opts: { beforeId?: number; limit: number },
): Promise<GateCheckView[]> {
  const rows = await db
    .select({
      g: gateChecks,
      changeNumber: changes.number,
      siteCode: sites.code,
      timeZone: sites.timeZone,
      actorName: users.name,
      tokenName: apiTokens.name,
    })
    .from(gateChecks)
    .innerJoin(changes, eq(changes.id, gateChecks.changeId))
    .innerJoin(sites, eq(sites.id, gateChecks.siteId))
    .leftJoin(users, eq(users.id, gateChecks.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, gateChecks.tokenId))
    .where(opts.beforeId === undefined ? where : and(where, lt(gateChecks.id, opts.beforeId)))
    .orderBy(desc(gateChecks.id))
    .limit(opts.limit);
  return rows.map(({ g, ...r }) => ({
    id: g.id,
    changeId: g.changeId,
    changeNumber: r.changeNumber,
    siteCode: r.siteCode,
    timeZone: r.timeZone,
    actorEmail: g.actorEmail,
    actorName: r.actorName,
    via: g.via,
    tokenId: g.tokenId,
    tokenName: r.tokenName,
    ip: g.ip,
    userAgent: g.userAgent,
    askedFor: g.askedFor?.toISOString() ?? null,
    allowed: g.allowed,
    reasons: g.reasons,
    changeState: g.changeState,
    changeVersion: g.changeVersion,
    firstAt: g.firstAt.toISOString(),
    lastAt: g.lastAt.toISOString(),
    count: g.count,
  }));
}
