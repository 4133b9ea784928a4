import "server-only";
// The read paths' loader (gate dry run, change view): the change with its assets, sign-offs and
// the members of its assets' redundancy groups in ONE statement, where loadContext takes four.
// The mutations keep findVisibleChange + loadContext, which lock the row first.
import { eq, getTableColumns, sql, type Column } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { areas, assets, changeAssets, changes, signoffs, sites } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { groupKey } from "@/lib/domain/changes";
import { notFound } from "@/lib/services/base/errors";
import { canViewChange } from "./access";
import { buildContext, type AssetRow, type ChangeContext, type SignoffRow } from "./load";
import { UUID_RE } from "@/lib/services/base/match";

interface MemberJson {
  id: string;
  siteId: string;
  siteCode: string;
  redundancyGroup: string;
}

/** Qualified: drizzle writes a column of the queried table bare, which the subqueries' ids would shadow. */
const changeId = sql.raw(`"changes"."id"`);

/** The same object and order as loadAssets' select (sites.code, assets.tag). */
const assetsJson = sql<AssetRow[]>`(select coalesce(json_agg(json_build_object(
    'id', a.id, 'siteId', a.site_id, 'siteCode', s.code, 'siteName', s.name, 'timeZone', s.time_zone,
    'areaId', a.area_id, 'areaCode', ar.code, 'tag', a.tag, 'name', a.name, 'kind', a.kind,
    'criticality', a.criticality, 'safetyRelated', a.safety_related, 'gxp', a.gxp, 'exposure', a.exposure,
    'redundancyGroup', a.redundancy_group, 'version', a.version) order by s.code, a.tag), '[]'::json)
  from ${changeAssets} ca join ${assets} a on a.id = ca.asset_id join ${sites} s on s.id = a.site_id
  left join ${areas} ar on ar.id = a.area_id where ca.change_id = ${changeId})`;

const signoffsJson = sql<
  Record<string, unknown>[]
>`(select coalesce(json_agg(to_jsonb(so) order by so.signed_at, so.id), '[]'::json)
  from ${signoffs} so where so.change_id = ${changeId})`;

const membersJson = sql<MemberJson[]>`(select coalesce(json_agg(json_build_object(
    'id', m.id, 'siteId', m.site_id, 'siteCode', ms.code, 'redundancyGroup', m.redundancy_group)), '[]'::json)
  from ${assets} m join ${sites} ms on ms.id = m.site_id
  where (m.site_id, m.redundancy_group) in (select g.site_id, g.redundancy_group from ${changeAssets} gc
    join ${assets} g on g.id = gc.asset_id where gc.change_id = ${changeId} and g.redundancy_group is not null))`;

/** Each column with its name in the table (the schema is written in camelCase, casing: "snake_case"). */
const signoffColumns = (Object.entries(getTableColumns(signoffs)) as [keyof SignoffRow, Column][]).map(
  ([key, col]) => [key, col, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] as const,
);

/** A signoffs row from its to_jsonb form, decoded as drizzle decodes the columns (timestamps to Date). */
function signoffRow(json: Record<string, unknown>): SignoffRow {
  const row: Record<string, unknown> = {};
  for (const [key, col, name] of signoffColumns) {
    const v = json[name];
    row[key] =
      v === null || v === undefined
        ? (v ?? null)
        : col.columnType === "PgTimestamp"
          ? new Date(String(v))
          : v;
  }
  return row as unknown as SignoffRow;
}

/** The change as loadContext builds it, if the actor may see it (every site of it); not found otherwise. */
export async function loadVisibleContext(ex: Executor, actor: Actor, id: string): Promise<ChangeContext> {
  if (!UUID_RE.test(id)) throw notFound("Change");
  const [found] = await ex
    .select({
      row: getTableColumns(changes),
      assets: assetsJson,
      signoffs: signoffsJson,
      members: membersJson,
    })
    .from(changes)
    .where(eq(changes.id, id));
  if (!found || !canViewChange(actor, found.row.siteIds)) throw notFound("Change");
  const members: Record<string, string[]> = {};
  for (const m of found.members) (members[groupKey(m.siteCode, m.redundancyGroup)] ??= []).push(m.id);
  const ctx = buildContext(found.row, found.assets, found.signoffs.map(signoffRow), members);
  return { ...ctx, known: { assets: found.assets, members: found.members } };
}
