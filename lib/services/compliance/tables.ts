import "server-only";
import { and, arrayContains, arrayOverlaps, eq, gte, inArray, lt, not, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { changes } from "@/db/schema";
import type { ChangeRow } from "@/lib/services/changes/internal/load";
import type { ComplianceScope } from "./scope";
import type { ChangeRef } from "@/lib/types/compliance";

/** Changes of the question: every site in the reader's scope, and the chosen site among them. */
export function changeScope(scope: ComplianceScope): SQL {
  const hidden = [...scope.siteCodes.keys()].filter((id) => !scope.scopeIds.includes(id));
  const conds: SQL[] = [sql`${changes.siteIds} <> '{}'::uuid[]`];
  if (hidden.length) conds.push(not(arrayOverlaps(changes.siteIds, hidden)));
  if (scope.site) conds.push(arrayContains(changes.siteIds, [scope.site.id]));
  return and(...conds)!;
}

type InstantColumn = typeof changes.actualStart | typeof changes.approvedAt | typeof changes.closedAt;

export function changesWhere(db: Executor, scope: ComplianceScope, ...conds: (SQL | undefined)[]) {
  return db
    .select()
    .from(changes)
    .where(and(changeScope(scope), ...conds));
}

export const inPeriod = (column: InstantColumn, scope: ComplianceScope) =>
  and(gte(column, scope.from), lt(column, scope.to));

export async function changesById(db: Executor, ids: readonly string[]): Promise<Map<string, ChangeRow>> {
  const out = new Map<string, ChangeRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db
      .select()
      .from(changes)
      .where(inArray(changes.id, ids.slice(i, i + 500))))
      out.set(r.id, r);
  }
  return out;
}

export const pssrPending = eq(changes.state, "pssr_pending");

export function refOf(row: ChangeRow, siteCodes: ReadonlyMap<string, string>): ChangeRef {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    state: row.state,
    type: row.type,
    class: row.class,
    risk: row.risk,
    siteCodes: row.siteIds.map((id) => siteCodes.get(id) ?? "?"),
  };
}
