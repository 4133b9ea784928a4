import "server-only";
import { and, eq, gte, ilike, inArray, lt, lte, max, min, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assets, auditEvents, changes, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission, type SitePermission } from "@/lib/auth/permissions";
import { actionsMatching, type AuditQuery } from "@/lib/schemas/audit";
import { requireSitePermission, scopeFor } from "@/lib/services/authorize";
import { forbidden, notFound } from "@/lib/services/base/errors";
import { atSite, multiSiteChangeGuard, visibleTo } from "./scope";
import { UUID_RE, containsPattern } from "@/lib/services/base/match";

type AuditPermission = Extract<SitePermission, "audit.view" | "audit.export">;

const REFUSAL: Record<AuditPermission, string> = {
  "audit.view": "Reading the audit trail needs the auditor or change manager role at a site.",
  "audit.export": "Exporting the audit trail needs the auditor role at a site.",
};

/** The reader's sites for the permission; refuses outright when there are none. */
export function requireAuditScope(actor: Actor, permission: AuditPermission): string[] {
  const scope = scopeFor(actor, permission);
  if (scope.length === 0) throw forbidden(REFUSAL[permission]);
  return scope;
}

export interface AuditFilter {
  where: SQL;
  site: { id: string; code: string } | null;
}

/**
 * Turns a parsed query into one WHERE clause that always carries the reader's scope. Each filter
 * maps onto an index of audit_events (site, object, actor, action — each with id — and at).
 */
export async function auditFilter(
  db: Executor,
  actor: Actor,
  query: AuditQuery,
  permission: AuditPermission,
): Promise<AuditFilter> {
  const scope = requireAuditScope(actor, permission);
  const conds: SQL[] = [];
  let site: AuditFilter["site"] = null;
  if (query.siteCode) {
    const [row] = await db
      .select({ id: sites.id, code: sites.code })
      .from(sites)
      .where(eq(sites.code, query.siteCode))
      .limit(1);
    if (!row) throw notFound("Site");
    requireSitePermission(actor, permission, row.id, "Site");
    site = row;
    conds.push(atSite(row.id));
  } else {
    conds.push(visibleTo(actor, scope));
  }
  const guard = await multiSiteChangeGuard(db, scope);
  if (guard) conds.push(guard);
  if (query.ref) conds.push(await refCondition(db, actor, query.ref, permission));
  if (query.reasonText) conds.push(ilike(auditEvents.reason, containsPattern(query.reasonText)));
  if (query.objectType) conds.push(eq(auditEvents.objectType, query.objectType));
  if (query.objectId) conds.push(eq(auditEvents.objectId, query.objectId));
  if (query.actorEmail) {
    // A known account is matched by id (indexed, and survives a later email change); an email that
    // matches no account is still searchable, for failed sign-ins and command-line events.
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, query.actorEmail))
      .limit(1);
    conds.push(user ? eq(auditEvents.actorId, user.id) : eq(auditEvents.actorEmail, query.actorEmail));
  }
  if (query.action) {
    const actions = actionsMatching(query.action);
    conds.push(
      actions.length === 1 ? eq(auditEvents.action, actions[0]!) : inArray(auditEvents.action, actions),
    );
  }
  if (query.from) conds.push(gte(auditEvents.at, query.from));
  if (query.to) conds.push(lt(auditEvents.at, query.to));
  if (query.from || query.to) conds.push(await idRangeFor(db, query.from, query.to));
  return { where: and(...conds)!, site };
}

const CHANGE_NUMBER = /^CHG-\d{4}-\d+$/i;

/**
 * What people type to find an object: a change number (CHG-2026-00006), an asset tag (PLC-201A,
 * at any of the reader's sites) or an id. An unknown or invisible change number is a 404, so that
 * a typo reads as "not found" rather than as a change without history.
 */
async function refCondition(
  db: Executor,
  actor: Actor,
  ref: string,
  permission: AuditPermission,
): Promise<SQL> {
  if (CHANGE_NUMBER.test(ref)) {
    const [change] = await db
      .select({ id: changes.id, siteIds: changes.siteIds })
      .from(changes)
      .where(eq(changes.number, ref.toUpperCase()))
      .limit(1);
    if (!change || !change.siteIds.some((s) => hasSitePermission(actor, permission, s)))
      throw notFound(`Change ${ref.toUpperCase()}`);
    return and(eq(auditEvents.objectType, "change"), eq(auditEvents.objectId, change.id))!;
  }
  if (UUID_RE.test(ref)) return eq(auditEvents.objectId, ref.toLowerCase());
  const tagged = await db
    .select({ id: assets.id })
    .from(assets)
    .where(
      and(
        sql`lower(${assets.tag}) = ${ref.toLowerCase()}`,
        inArray(assets.siteId, scopeFor(actor, permission)),
      ),
    );
  if (tagged.length)
    return and(
      eq(auditEvents.objectType, "asset"),
      inArray(
        auditEvents.objectId,
        tagged.map((a) => a.id),
      ),
    )!;
  return eq(auditEvents.objectId, ref);
}

/**
 * Newest-first paging walks the id index; a period far in the past would make it skip millions of
 * newer rows. Events are appended in id order stamped with the appender's clock, so a period maps
 * onto an id range found through the time index. Clocks of several app servers (or one stepped by
 * NTP) may disagree by up to CLOCK_SKEW, so an event appended before the period's first event can
 * carry a time at most CLOCK_SKEW later than it: the range's low end is the least id within that
 * margin of the first event (and symmetrically at the high end). The range only narrows the scan;
 * the exact time conditions still decide.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

export async function idRangeFor(db: Executor, from: Date | undefined, to: Date | undefined): Promise<SQL> {
  const conds: SQL[] = [];
  if (from) {
    const [edge] = await db
      .select({ at: min(auditEvents.at) })
      .from(auditEvents)
      .where(gte(auditEvents.at, from));
    if (!edge?.at) return sql`false`;
    const [low] = await db
      .select({ id: min(auditEvents.id) })
      .from(auditEvents)
      .where(
        and(gte(auditEvents.at, edge.at), lte(auditEvents.at, new Date(edge.at.getTime() + CLOCK_SKEW_MS))),
      );
    conds.push(gte(auditEvents.id, low!.id!));
  }
  if (to) {
    const [edge] = await db
      .select({ at: max(auditEvents.at) })
      .from(auditEvents)
      .where(lt(auditEvents.at, to));
    if (!edge?.at) return sql`false`;
    const [high] = await db
      .select({ id: max(auditEvents.id) })
      .from(auditEvents)
      .where(
        and(
          lte(auditEvents.at, new Date(edge.at.getTime() + 1)),
          gte(auditEvents.at, new Date(edge.at.getTime() - CLOCK_SKEW_MS)),
        ),
      );
    conds.push(lte(auditEvents.id, high!.id!));
  }
  return and(...conds)!;
}

/** The filter as recorded in the export's own audit event and echoed in file names. */
export function describeFilter(query: AuditQuery) {
  return {
    site: query.siteCode,
    objectType: query.objectType,
    objectId: query.objectId,
    ref: query.ref,
    reasonText: query.reasonText,
    actor: query.actorEmail,
    action: query.action,
    from: query.from?.toISOString(),
    to: query.to?.toISOString(),
  };
}
