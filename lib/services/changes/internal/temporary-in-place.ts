import "server-only";
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { changeAssets, changes, sites } from "@/db/schema";
import type { ChangeState } from "@/lib/domain/constants";

export interface TemporaryInPlaceRow {
  id: string;
  number: string;
  title: string;
  temporaryUntil: Date;
  timeZone: string;
  siteIds: string[];
  implementerId: string | null;
  revert: { id: string; number: string; state: ChangeState } | null;
}

const reverts = alias(changes, "reverts");
/** The expiry in force (lib/domain/changes/temporary-extension effectiveExpiry). */
const expiry = sql<Date>`coalesce(${changes.extendedUntil}, ${changes.temporaryUntil})`.mapWith(
  changes.temporaryUntil,
);

/**
 * Temporary changes completed successfully whose revert has not closed: their assets are in the
 * temporary state. Filtered by expiry (`before`), the caller's site scope and an asset; soonest expiry first.
 */
export async function temporaryInPlaceRows(
  tx: Executor,
  opts: { before?: Date; scope?: SQL; assetId?: string; limit?: number } = {},
): Promise<TemporaryInPlaceRow[]> {
  const conds = [
    isNotNull(changes.temporaryUntil),
    eq(changes.outcome, "success"),
    inArray(changes.state, ["implemented", "pssr_pending", "closed"]),
    sql`not exists (select 1 from ${changes} r where r.reverts_change_id = ${changes.id} and r.state = 'closed')`,
  ];
  if (opts.before) conds.push(sql`${expiry} <= ${opts.before.toISOString()}::timestamptz`);
  if (opts.scope) conds.push(opts.scope);
  if (opts.assetId)
    conds.push(
      sql`exists (select 1 from ${changeAssets} ca where ca.change_id = ${changes.id} and ca.asset_id = ${opts.assetId})`,
    );
  const rows = await tx
    .select({
      id: changes.id,
      number: changes.number,
      title: changes.title,
      temporaryUntil: expiry,
      timeZone: sites.timeZone,
      siteIds: changes.siteIds,
      implementerId: changes.implementerId,
      revertId: reverts.id,
      revertNumber: reverts.number,
      revertState: reverts.state,
    })
    .from(changes)
    .innerJoin(sites, sql`${sites.id} = ${changes.siteIds}[1]`)
    .leftJoin(reverts, eq(reverts.revertsChangeId, changes.id))
    .where(and(...conds))
    .orderBy(asc(expiry), asc(reverts.createdAt))
    .limit(opts.limit ?? 2000);
  // A cancelled revert and its redraft are both rows: the last one per change wins.
  const byId = new Map<string, TemporaryInPlaceRow>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      number: r.number,
      title: r.title,
      temporaryUntil: r.temporaryUntil!,
      timeZone: r.timeZone,
      siteIds: r.siteIds,
      implementerId: r.implementerId,
      revert: r.revertId ? { id: r.revertId, number: r.revertNumber!, state: r.revertState! } : null,
    });
  }
  return [...byId.values()];
}
