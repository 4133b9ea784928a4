import "server-only";
import { parseInput } from "@/lib/services/base/parse-input";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Executor } from "@/db/client";
import { changes, sites, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { decodeCursor, encodeCursor, type Page } from "@/lib/services/base/page";
import { changeListQuerySchema, type ChangeListQuery } from "@/lib/schemas/changes";
import { visibleSiteIds } from "./internal/access";
import {
  SORTS,
  afterCursor,
  checkCursor,
  filterConditions,
  hasValue,
  orderBy,
  tailCondition,
  type Cursor,
} from "./internal/list-queries";
import type { ChangeListItem } from "@/lib/types/changes";

const implementers = alias(users, "implementer");

function select(ex: Executor, sortExpr: SQL) {
  return ex
    .select({
      id: changes.id,
      number: changes.number,
      version: changes.version,
      state: changes.state,
      type: changes.type,
      class: changes.class,
      title: changes.title,
      risk: changes.risk,
      siteIds: changes.siteIds,
      plannedStart: changes.plannedStart,
      plannedEnd: changes.plannedEnd,
      requesterEmail: users.email,
      requesterName: users.name,
      implementerEmail: implementers.email,
      createdAt: changes.createdAt,
      updatedAt: changes.updatedAt,
      // The cursor carries the key exactly as the database compares it (microseconds included).
      sortKey: sql<string | null>`(${sortExpr})::text`,
    })
    .from(changes)
    .innerJoin(users, eq(users.id, changes.requesterId))
    .leftJoin(implementers, eq(implementers.id, changes.implementerId));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];

/**
 * Changes visible to the actor (every site of the change visible), filtered and sorted on the
 * server, one keyset page at a time: `nextCursor` continues exactly after the last row, so
 * paging visits every row once even while others are created.
 */
export async function listChanges(actor: Actor, query: ChangeListQuery = {}): Promise<Page<ChangeListItem>> {
  const f = parseInput(changeListQuerySchema, query, "The query");
  const visible = visibleSiteIds(actor);
  if (visible.length === 0) return { items: [], nextCursor: null };
  const spec = SORTS[f.sort];
  const cursor: Cursor | null = f.cursor ? checkCursor(decodeCursor(f.cursor, 2)!, spec) : null;
  const db = await getDb();
  const conds = await filterConditions(db, visible, f);
  if (!conds) return { items: [], nextCursor: null };
  const want = f.limit + 1;
  const ranged = Boolean(f.from || f.to);

  let rows: Row[] = [];
  if (!cursor || cursor.value !== null) {
    const keyed = [...conds, hasValue(spec), cursor ? afterCursor(spec, f.dir, cursor) : undefined];
    rows = await select(db, spec.expr)
      .where(and(...keyed))
      .orderBy(...orderBy(spec, f.dir, ranged))
      .limit(want);
  }
  // Rows without a planned start come after the others; a date range has none of them.
  if (spec.nullable && !ranged && rows.length < want) {
    const tail = await select(db, spec.expr)
      .where(and(...conds, tailCondition(f.dir, cursor)))
      .orderBy(f.dir === "asc" ? asc(changes.id) : desc(changes.id))
      .limit(want - rows.length);
    rows = rows.concat(tail);
  }

  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  const codes = await siteCodes(db, [...new Set(page.flatMap((r) => r.siteIds))]);
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      version: r.version,
      state: r.state,
      type: r.type,
      class: r.class,
      title: r.title,
      risk: r.risk,
      siteCodes: r.siteIds.map((id) => codes.get(id) ?? "?"),
      plannedStart: r.plannedStart ? isoUtc(r.plannedStart) : null,
      plannedEnd: r.plannedEnd ? isoUtc(r.plannedEnd) : null,
      requesterEmail: r.requesterEmail,
      requesterName: r.requesterName,
      implementerEmail: r.implementerEmail ?? null,
      createdAt: isoUtc(r.createdAt),
      updatedAt: isoUtc(r.updatedAt),
    })),
    nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

async function siteCodes(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select({ id: sites.id, code: sites.code }).from(sites).where(inArray(sites.id, ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}
