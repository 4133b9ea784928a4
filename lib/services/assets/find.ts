import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { areas, assets, sites } from "@/db/schema";
import { decodeCursor, encodeCursor, type Page, invalidCursor } from "@/lib/services/base/page";
import type { AssetListFilters, AssetSort } from "@/lib/schemas/assets";
import { assetTextMatch, selectAssets, toView, type AssetView } from "./view";
import { UUID_RE } from "@/lib/services/base/match";
import { containsPattern } from "@/lib/services/base/match";

type KeyType = "text" | "int" | "timestamptz";
interface SortKey {
  expr: SQL;
  type: KeyType;
}

const lowerTag = { expr: sql`lower(${assets.tag})`, type: "text" } as const;
const criticalityRank = sql`(case ${assets.criticality} when 'safety_critical' then 0 when 'production_critical' then 1 else 2 end)`;

// Every sort ends with the tag (where it is not already unique enough) and then the id, so that
// the order is total and a keyset cursor never skips or repeats a row.
const SORT_KEYS: Record<AssetSort, SortKey[]> = {
  tag: [lowerTag],
  name: [{ expr: sql`lower(${assets.name})`, type: "text" }, lowerTag],
  kind: [{ expr: sql`${assets.kind}`, type: "text" }, lowerTag],
  criticality: [{ expr: criticalityRank, type: "int" }, lowerTag],
  site: [{ expr: sql`${sites.code}`, type: "text" }, lowerTag],
  updatedAt: [{ expr: sql`${assets.updatedAt}`, type: "timestamptz" }],
};

function checkCursor(values: (string | number | null)[], keys: SortKey[]): void {
  const ok =
    values.length === keys.length + 1 &&
    keys.every((k, i) => {
      const v = values[i];
      if (k.type === "int") return typeof v === "number" && Number.isInteger(v);
      if (k.type === "timestamptz") return typeof v === "string" && !Number.isNaN(Date.parse(v));
      // PostgreSQL cannot hold NUL in text; a forged cursor must not turn into a server error.
      return typeof v === "string" && !/[\u0000-\u001f]/.test(v);
    }) &&
    typeof values[keys.length] === "string" &&
    UUID_RE.test(values[keys.length] as string);
  if (!ok) throw invalidCursor();
}

/** WHERE for the filters (not the cursor), always inside the given visible sites. */
export function filterWhere(scope: string[], f: AssetListFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [inArray(assets.siteId, scope)];
  if (f.site) conds.push(eq(sites.code, f.site));
  if (f.area) conds.push(eq(areas.code, f.area));
  if (f.kind) conds.push(eq(assets.kind, f.kind));
  if (f.criticality) conds.push(eq(assets.criticality, f.criticality));
  if (f.safetyRelated !== undefined) conds.push(eq(assets.safetyRelated, f.safetyRelated));
  if (f.gxp !== undefined) conds.push(eq(assets.gxp, f.gxp));
  if (f.exposure) conds.push(eq(assets.exposure, f.exposure));
  if (f.q) {
    const p = containsPattern(f.q);
    conds.push(assetTextMatch(p));
  }
  return and(...conds);
}

/** One keyset page of assets in the scope, in the requested order. */
export async function findAssets(
  db: Executor,
  scope: string[],
  f: AssetListFilters,
): Promise<Page<AssetView>> {
  if (scope.length === 0) return { items: [], nextCursor: null };
  const keys = SORT_KEYS[f.sort];
  const dir = f.dir;
  const conds: (SQL | undefined)[] = [filterWhere(scope, f)];
  const after = f.cursor ? decodeCursor(f.cursor, keys.length + 1) : null;
  if (after) {
    checkCursor(after, keys);
    const left = sql.join([...keys.map((k) => k.expr), sql`${assets.id}`], sql`, `);
    const right = sql.join(
      [...keys.map((k, i) => sql`${after[i]}::${sql.raw(k.type)}`), sql`${after[keys.length]}::uuid`],
      sql`, `,
    );
    // Row comparison: all keys run in one direction, so (a, b, id) > (x, y, z) is exactly "after".
    conds.push(dir === "asc" ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`);
  }
  const order = [
    ...keys.map((k) => (dir === "asc" ? asc(k.expr) : desc(k.expr))),
    dir === "asc" ? asc(assets.id) : desc(assets.id),
  ];
  const rows = await selectAssets(db)
    .where(and(...conds))
    .orderBy(...order)
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  let nextCursor: string | null = null;
  const last = page[page.length - 1];
  if (more && last) {
    // The cursor carries the sort key exactly as the database compares it (microseconds included).
    const [k] = await db
      .select({
        v: sql<(string | number)[]>`json_build_array(${sql.join(
          keys.map((k) => k.expr),
          sql`, `,
        )})`,
      })
      .from(assets)
      .innerJoin(sites, eq(sites.id, assets.siteId))
      .where(eq(assets.id, last.id));
    nextCursor = encodeCursor([...(k?.v ?? []), last.id]);
  }
  return { items: page.map(toView), nextCursor };
}
