import "server-only";
import { and, asc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, isGateRefusal } from "@/db/schema";
import { readAuditPayload } from "@/lib/audit/events";
import { startsFromTrail, type TrailEvent, type TrailStart } from "@/lib/domain/compliance/started";
import { idRangeFor } from "@/lib/services/audit/conditions";
import type { ComplianceScope } from "./scope";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

/** The events the replay needs; everything else about a change is left out of the read. */
const REPLAYED = [
  "change.create",
  "change.update",
  "change.submit",
  "change.revise",
  "signoff.sign",
  "signoff.supersede",
  "change.start",
] as const;

const CHUNK = 500;

const replayColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  action: auditEvents.action,
  objectId: auditEvents.objectId,
  siteId: auditEvents.siteId,
  after: auditEvents.after,
};

/** Whether a change with these sites belongs to the question (the chosen site, or all of scope). */
export function inQuestion(scope: ComplianceScope, siteIds: readonly string[]): boolean {
  if (siteIds.length === 0 || !siteIds.every((id) => scope.scopeIds.includes(id))) return false;
  return scope.site ? siteIds.includes(scope.site.id) : true;
}

async function periodEvents(db: Executor, scope: ComplianceScope, action: string, ...narrower: SQL[]) {
  const range = await idRangeFor(db, scope.from, scope.to);
  return db
    .select(replayColumns)
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        gte(auditEvents.at, scope.from),
        lt(auditEvents.at, scope.to),
        range,
        ...narrower,
      ),
    )
    .orderBy(asc(auditEvents.id));
}

/** Every replayed event of these changes up to `upToId`, in chain order. */
async function historyOf(db: Executor, changeIds: readonly string[], upToId: number): Promise<TrailEvent[]> {
  const out: TrailEvent[] = [];
  for (let i = 0; i < changeIds.length; i += CHUNK) {
    const rows = await db
      .select(replayColumns)
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.objectType, "change"),
          inArray(auditEvents.objectId, changeIds.slice(i, i + CHUNK)),
          inArray(auditEvents.action, [...REPLAYED]),
          lte(auditEvents.id, upToId),
        ),
      )
      .orderBy(asc(auditEvents.id));
    out.push(...rows);
  }
  return out;
}

/** The trail's events here are all about changes; each is read as its type. */
const typed = (e: { action: string; before?: unknown; after: unknown }) =>
  readAuditPayload({ before: null, ...e, objectType: "change" });

/** The sites a start named (starts before that field existed name the event's own site). */
const siteIdsOf = (e: { action: string; siteId: string | null; after: unknown }): string[] => {
  const p = typed(e);
  if (p?.action === "change.start") return p.after.siteIds;
  return e.siteId ? [e.siteId] : [];
};

/**
 * Changes started in the period according to the trail alone, each judged by replaying its own
 * events up to the start. Nothing here reads the change tables.
 */
export async function trailStarts(db: Executor, scope: ComplianceScope): Promise<TrailStart[]> {
  const starts = (await periodEvents(db, scope, "change.start")).filter((e) =>
    inQuestion(scope, siteIdsOf(e)),
  );
  if (starts.length === 0) return [];
  const ids = [...new Set(starts.map((e) => e.objectId!).filter(Boolean))];
  const history = await historyOf(db, ids, starts[starts.length - 1]!.id);
  const label = (r: keyof typeof SIGNOFF_ROLE_LABELS) => SIGNOFF_ROLE_LABELS[r];
  const inPeriod = new Set(starts.map((s) => s.id));
  return startsFromTrail(history, scope.siteCodes, label).filter((s) => inPeriod.has(s.eventId));
}

/** The most recent start event of each of these changes, at any time (for the cross-check). */
export async function lastStartEvents(
  db: Executor,
  changeIds: readonly string[],
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (let i = 0; i < changeIds.length; i += CHUNK) {
    const rows = await db
      .select({
        objectId: auditEvents.objectId,
        at: sql<Date>`max(${auditEvents.at})`.mapWith(auditEvents.at),
      })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.objectType, "change"),
          inArray(auditEvents.objectId, changeIds.slice(i, i + CHUNK)),
          eq(auditEvents.action, "change.start"),
        ),
      )
      .groupBy(auditEvents.objectId);
    for (const r of rows) if (r.objectId) out.set(r.objectId, r.at);
  }
  return out;
}

/** Real start attempts the gate refused in the period (dry runs are tools asking, not attempts). */
export async function gateRefusals(db: Executor, scope: ComplianceScope) {
  // Read only what the check below can keep (refusals at the sites in question, through their
  // partial index), not every decision of the period at every site; the check stays the rule.
  const rows = await periodEvents(
    db,
    scope,
    "gate.decision",
    inArray(auditEvents.siteId, scope.site ? [scope.site.id] : scope.scopeIds),
    isGateRefusal(auditEvents),
  );
  return rows.flatMap((e) => {
    const p = typed(e);
    if (p?.action !== "gate.decision" || !e.siteId || !inQuestion(scope, [e.siteId])) return [];
    if (p.after.allowed || p.after.dryRun) return [];
    return [{ changeId: e.objectId!, at: e.at, codes: [...new Set(p.after.reasons.map((r) => r.code))] }];
  });
}
