import "server-only";
import { currentTime } from "@/lib/clock";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { readAuditPayload } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { getChange } from "@/lib/services/changes/get";
import { changeHistory } from "@/lib/services/changes/list-history";
import type { ChangeHistoryEvent, ChangeView } from "@/lib/types/changes";

export interface AssetVersions {
  assetId: string;
  before: string;
  /** Null while the closing review has not recorded the baseline yet. */
  after: string | null;
}

export interface ChangeRecord {
  change: ChangeView;
  history: ChangeHistoryEvent[];
  versions: AssetVersions[];
  /** The change's newest audit event: a printout is checked against the live trail by these. */
  lastEvent: { id: number; hash: string; at: string } | null;
  generatedAt: string;
  generatedBy: string;
}

/** Before and after of each asset's version: the closing review's baseline updates, else the inventory's. */
export function assetVersions(change: ChangeView, history: readonly ChangeHistoryEvent[]): AssetVersions[] {
  const close = history.findLast((e) => e.action === "change.close");
  const p = close ? readAuditPayload({ ...close, objectType: "change" }) : null;
  const updates = p?.action === "change.close" ? p.after.baselineUpdates : [];
  return change.assets.map((a) => {
    const u = updates.find((x) => x.assetId === a.id);
    if (u) return { assetId: a.id, before: u.from, after: u.to };
    return { assetId: a.id, before: a.version, after: close ? a.version : null };
  });
}

/**
 * Everything the change record shows, for anyone who may see the change: the change, its whole
 * history (every page), the versions of its assets and its newest audit event with the hash.
 */
export async function getChangeRecord(actor: Actor, id: string, now = currentTime()): Promise<ChangeRecord> {
  const change = await getChange(actor, id);
  const history: ChangeHistoryEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await changeHistory(actor, change.id, { limit: 500, cursor });
    history.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const db = await getDb();
  const [last] = await db
    .select({ id: auditEvents.id, hash: auditEvents.hash, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectType, "change"), eq(auditEvents.objectId, change.id)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return {
    change,
    history,
    versions: assetVersions(change, history),
    lastEvent: last ? { id: last.id, hash: last.hash, at: isoUtc(last.at) } : null,
    generatedAt: isoUtc(now),
    generatedBy: `${actor.name} (${actor.email})`,
  };
}
