import "server-only";
import { invalidCursor } from "@/lib/services/base/page";
// The change list's WHERE and ORDER BY, designed around the indexes in db/schema/changes.ts:
// every sort has a btree index ending in id, so a page is an index walk that stops after
// `limit` rows matching the filters, whatever the table size.
import {
  and,
  arrayContains,
  arrayOverlaps,
  not,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Executor } from "@/db/client";
import { changeAssets, changes, sites, users } from "@/db/schema";
import type { ChangeListFilters, ChangeSort } from "@/lib/schemas/changes";
import { UUID_RE } from "@/lib/services/base/match";

interface SortSpec {
  expr: SQL;
  /** Postgres type the cursor value is cast back to. */
  type: "timestamptz" | "text";
  nullable: boolean;
}

export const SORTS: Record<ChangeSort, SortSpec> = {
  createdAt: { expr: sql`${changes.createdAt}`, type: "timestamptz", nullable: false },
  updatedAt: { expr: sql`${changes.updatedAt}`, type: "timestamptz", nullable: false },
  plannedStart: { expr: sql`${changes.plannedStart}`, type: "timestamptz", nullable: true },
  number: { expr: sql`${changes.number}`, type: "text", nullable: false },
};

export interface Cursor {
  /** The sort key as the database prints it (microseconds kept), or null in the no-value tail. */
  value: string | null;
  id: string;
}

export function checkCursor(values: (string | number | null)[], spec: SortSpec): Cursor {
  const [value, id] = values;
  const ok =
    typeof id === "string" &&
    UUID_RE.test(id) &&
    (value === null
      ? spec.nullable
      : typeof value === "string" && (spec.type === "text" || !Number.isNaN(Date.parse(value))));
  if (!ok) throw invalidCursor();
  return { value: value as string | null, id: id as string };
}

/**
 * Free text as a full-text prefix query over the words of the title and number ("turb gov" finds
 * "turbine governor", "PLC-201" finds "PLC-201A", "R520" and "R520.2" find "Experion R520.2"):
 * the GIN index changes_search_gin answers it at any table size, which a substring ILIKE cannot.
 * The words are cut by the same parser that built the index (to_tsvector 'simple'), so a version,
 * a host name or a hyphenated tag is one word on both sides; splitting at every non-letter had
 * turned "R520.2" into "r520" and "2", which the index never holds. Each word is quoted before
 * it becomes a prefix term, so no tsquery syntax can be injected; a backslash cannot be quoted
 * that way and is left out. No word left: no rows.
 */
export function freeTextCondition(q: string): SQL {
  const text = q.slice(0, 200);
  return sql`${changes.search} @@ (select to_tsquery('simple', string_agg(quote_literal(w.lexeme) || ':*', ' & '))
    from unnest(to_tsvector('simple', ${text})) w where strpos(w.lexeme, chr(92)) = 0)`;
}

/** CHG-2026-42 and chg-2026-00042 both name CHG-2026-00042. */
export function asChangeNumber(q: string): string | null {
  const m = /^CHG-(\d{4})-(\d{1,9})$/i.exec(q.trim());
  return m ? `CHG-${m[1]}-${m[2]!.padStart(5, "0")}` : null;
}

/**
 * "Every site of the change is visible" (site_ids <@ visible), written as "no site of the change
 * is among the sites the caller cannot see" plus "at least one site": the same rows, because
 * site_ids only ever holds ids of existing sites. Two reasons. The planner estimates NOT &&
 * from the column's statistics (a caller who sees every site gets no condition at all), so it
 * keeps choosing the sort index for a page; and the condition is never answered through
 * changes_site_ids_gin, where `<@` over all of a caller's sites reads nearly every posting.
 */
export async function visibleTo(ex: Executor, visible: string[]): Promise<SQL> {
  const shown = new Set(visible);
  const hidden = (await ex.select({ id: sites.id }).from(sites))
    .map((s) => s.id)
    .filter((id) => !shown.has(id));
  const nonEmpty = sql`${changes.siteIds} <> '{}'::uuid[]`;
  return hidden.length ? and(nonEmpty, not(arrayOverlaps(changes.siteIds, hidden)))! : nonEmpty;
}

/**
 * The filters, always inside the caller's visible sites: `site_ids <@ visible` (every site of
 * the change visible) and at least one site. Returns null when a filter names something the
 * caller cannot see or that does not exist, which simply means an empty list.
 */
export async function filterConditions(
  ex: Executor,
  visible: string[],
  f: ChangeListFilters,
): Promise<SQL[] | null> {
  const conds: SQL[] = [await visibleTo(ex, visible)];
  if (f.site) {
    const [site] = await ex.select({ id: sites.id }).from(sites).where(eq(sites.code, f.site));
    if (!site || !visible.includes(site.id)) return null;
    conds.push(arrayContains(changes.siteIds, [site.id]));
  }
  if (f.state) conds.push(inArray(changes.state, f.state));
  if (f.type) conds.push(inArray(changes.type, f.type));
  if (f.class) conds.push(inArray(changes.class, f.class));
  if (f.risk) conds.push(inArray(changes.risk, f.risk));
  if (f.requester) {
    const [user] = await ex.select({ id: users.id }).from(users).where(eq(users.email, f.requester));
    if (!user) return null;
    conds.push(eq(changes.requesterId, user.id));
  }
  if (f.asset) {
    conds.push(
      sql`exists (select 1 from ${changeAssets} where ${changeAssets.changeId} = ${changes.id} and ${changeAssets.assetId} = ${f.asset})`,
    );
  }
  // A date range selects changes whose planned slot overlaps it; changes without a slot drop
  // out. Written as a range overlap so that the partial GiST index changes_slot_gist answers it.
  if (f.from || f.to) {
    const lower = f.from ? sql`${f.from.toISOString()}::timestamptz` : sql`null`;
    const upper = f.to ? sql`${f.to.toISOString()}::timestamptz` : sql`null`;
    conds.push(
      isNotNull(changes.plannedStart),
      isNotNull(changes.plannedEnd),
      sql`tstzrange(${changes.plannedStart}, ${changes.plannedEnd}) && tstzrange(${lower}, ${upper})`,
    );
  }
  if (f.q) {
    const number = asChangeNumber(f.q);
    if (number) conds.push(eq(changes.number, number));
    else conds.push(freeTextCondition(f.q));
  }
  return conds;
}

/** Keyset condition "after the cursor" for rows that have a sort value. */
export function afterCursor(spec: SortSpec, dir: "asc" | "desc", cursor: Cursor): SQL {
  const left = sql`(${spec.expr}, ${changes.id})`;
  const right = sql`(${cursor.value}::${sql.raw(spec.type)}, ${cursor.id}::uuid)`;
  return dir === "asc" ? sql`${left} > ${right}` : sql`${left} < ${right}`;
}

/**
 * `fenced`: sort on an expression no index provides, so the planner cannot walk the sort
 * index. Used with a date range: planned slots follow creation dates closely, so walking
 * created_at (or planned_start) from one end to reach an older range filters through most
 * of the table, while the GiST index finds the range's rows directly and a top-N sort of
 * those is cheap. The order itself is unchanged.
 */
export function orderBy(spec: SortSpec, dir: "asc" | "desc", fenced = false): SQL[] {
  const key = fenced
    ? spec.type === "text"
      ? sql`(${spec.expr} || '')`
      : sql`(${spec.expr} + interval '0 seconds')`
    : spec.expr;
  return dir === "asc" ? [asc(key), asc(changes.id)] : [desc(key), desc(changes.id)];
}

/** Rows without a sort value (no planned slot yet) come last in either direction, ordered by id. */
export function tailCondition(dir: "asc" | "desc", cursor: Cursor | null): SQL {
  const tail = isNull(changes.plannedStart);
  if (!cursor || cursor.value !== null) return tail;
  return and(tail, dir === "asc" ? gt(changes.id, cursor.id) : lt(changes.id, cursor.id))!;
}

export function hasValue(spec: SortSpec): SQL | undefined {
  return spec.nullable ? isNotNull(spec.expr) : undefined;
}
