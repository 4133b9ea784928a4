// Bulk data for the benchmarks: sites, assets and changes at fleet scale, set-based.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { makeSite, makeUser } from "../test/fixtures";

export async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return res.rows ?? res;
}

/**
 * Sites B00…, each with one area, a requester and `assetsPerSite` assets; `changes` changes in a
 * plant's mix of states over 2025, one in twenty spanning two sites, with their change_assets rows;
 * a corporate auditor of every site and an operations approver of B03. Set-based and deterministic.
 */
export async function seedChanges(db: Db, opts: { sites: number; assetsPerSite: number; changes: number }) {
  const { sites: SITES, assetsPerSite: ASSETS_PER_SITE, changes: ROWS } = opts;
  const codes = Array.from({ length: SITES }, (_, i) => `B${String(i).padStart(2, "0")}`);
  for (const code of codes) await makeSite(code, "Europe/Berlin", ["U1"]);
  const requesters = [];
  for (const code of codes) requesters.push(await makeUser([`${code}:requester`]));
  const corporate = await makeUser(
    codes.map((c) => `${c}:auditor` as const),
    { name: "Corporate auditor" },
  );
  const plant = await makeUser([`${codes[3]}:operations`], { name: "One-plant approver" });
  const siteIds = (await rowsOf<{ id: string }>(db, sql`select id from sites order by code`)).map(
    (r) => r.id,
  );
  const uuidArray = (ids: string[]) => sql.raw(`array[${ids.map((id) => `'${id}'::uuid`).join(",")}]`);
  const sitesArr = uuidArray(siteIds);
  const reqArr = uuidArray(requesters.map((r) => r.id));

  let t = performance.now();
  await db.execute(sql`
    insert into assets (site_id, tag, name, kind, criticality, safety_related, gxp)
    select s.id, 'A-' || s.code || '-' || g, 'Asset ' || g,
           (array['plc','hmi','historian','firewall','dcs_controller'])[1 + g % 5],
           (array['supporting','production_critical','safety_critical'])[1 + g % 3],
           g % 10 = 0, g % 13 = 0
    from sites s, generate_series(1, ${ASSETS_PER_SITE}) g`);
  console.log(`assets: ${SITES * ASSETS_PER_SITE} in ${(performance.now() - t).toFixed(0)} ms`);

  // One change in twenty spans two plants; one in twenty has no slot yet. Titles mix common
  // and rare words so that free-text search sees both kinds of selectivity.
  t = performance.now();
  await db.execute(sql`
    insert into changes (number, state, type, class, title, description, requester_id, risk, site_ids,
                         planned_start, planned_end, created_at, updated_at, approval_round)
    select 'CHG-' || (2020 + g % 7) || '-' || lpad((g / 7 + 1)::text, 5, '0'),
           -- A plant's history: mostly closed, a few percent open. Salted hashes keep the
           -- attributes independent of one another and of the site.
           (array['closed','closed','closed','closed','closed','closed','closed','closed','closed','closed',
                  'closed','closed','closed','closed','closed','closed','closed','closed','closed','closed',
                  'closed','closed','closed','closed','closed','cancelled','cancelled','rejected','failed','rolled_back',
                  'draft','draft','submitted','submitted','approved','in_progress','implemented','pssr_pending','closed','closed'])[1 + abs(hashtext('s' || g)) % 40],
           (array['security_patch','firmware_update','firewall_rule','configuration','access','network','other'])[1 + abs(hashtext('t' || g)) % 7],
           (array['normal','normal','normal','standard','emergency'])[1 + abs(hashtext('c' || g)) % 5],
           (array['Firmware update','Security patch','Firewall rule change','Historian antivirus signatures','HMI configuration'])[1 + g % 5]
             || ' ' || (array['PLC','DCS','SIS','HMI','switch','historian','RTU'])[1 + g % 7] || ' #' || g
             || case when g % 997 = 0 then ' turbine governor' else '' end,
           'Generated for the benchmark',
           (${reqArr})[1 + g % ${SITES}],
           (array['low','low','medium','medium','high','critical'])[1 + abs(hashtext('r' || g)) % 6],
           case when g % 20 = 0 then array[(${sitesArr})[1 + g % ${SITES}], (${sitesArr})[1 + (g + 1) % ${SITES}]]
                else array[(${sitesArr})[1 + g % ${SITES}]] end,
           case when g % 20 = 7 then null else timestamptz '2025-01-01' + (g * interval '150 seconds') + interval '3 days' end,
           case when g % 20 = 7 then null else timestamptz '2025-01-01' + (g * interval '150 seconds') + interval '3 days 4 hours' end,
           timestamptz '2025-01-01' + (g * interval '150 seconds'),
           timestamptz '2025-01-01' + (g * interval '150 seconds') + interval '1 hour',
           1
    from generate_series(1, ${ROWS}) g`);
  console.log(`changes: ${ROWS} in ${(performance.now() - t).toFixed(0)} ms`);
  // Numbers made by createChange afterwards continue after the seeded ones.
  await db.execute(sql`
    insert into change_counters (year, last)
    select split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int) from changes group by 1
    on conflict (year) do update set last = greatest(change_counters.last, excluded.last)`);

  t = performance.now();
  await db.execute(sql`create temporary table asset_ix as
    select id, site_id, row_number() over (partition by site_id order by id) - 1 as n from assets`);
  await db.execute(sql`create index on asset_ix (site_id, n)`);
  await db.execute(sql`
    insert into change_assets (change_id, asset_id, site_id)
    select c.id, a.id, a.site_id
    from changes c cross join lateral unnest(c.site_ids) as u(site_id)
    join asset_ix a on a.site_id = u.site_id and a.n = abs(hashtext(c.number)) % ${ASSETS_PER_SITE}`);
  await db.execute(sql`analyze`);
  console.log(`change_assets + analyze in ${(performance.now() - t).toFixed(0)} ms`);
  return {
    corporate: corporate.actor,
    plant: plant.actor,
    requester: requesters[3]!,
    codes,
    siteIds,
    corporateEmail: corporate.email,
    plantEmail: plant.email,
  };
}

/**
 * Tops the site's submitted changes up by `count`, each on one of the site's assets, so that the
 * plant's approver has a full inbox (issue 11: 1,000 waiting). Numbered CHG-2019-…, before the
 * seeded years, and counted into change_counters like those.
 */
export async function addWaitingChanges(
  db: Db,
  opts: { siteId: string; requesterId: string; count: number },
): Promise<string[]> {
  const { siteId, requesterId, count } = opts;
  await db.execute(sql`
    insert into changes (number, state, type, class, title, description, requester_id, risk, site_ids,
                         planned_start, planned_end, created_at, updated_at, submitted_at, approval_round)
    select 'CHG-2019-' || lpad(g::text, 5, '0'), 'submitted', 'security_patch', 'normal',
           'Security patch PLC waiting #' || g, 'Generated for the benchmark', ${requesterId}::uuid,
           'medium', array[${siteId}::uuid],
           timestamptz '2026-01-05' + (g * interval '1 hour'), timestamptz '2026-01-05' + (g * interval '1 hour') + interval '4 hours',
           timestamptz '2025-12-01' + (g * interval '1 minute'), timestamptz '2025-12-01' + (g * interval '1 minute'),
           timestamptz '2025-12-01' + (g * interval '1 minute'), 1
    from generate_series(1, ${count}::int) g`);
  await db.execute(sql`
    insert into change_assets (change_id, asset_id, site_id)
    select c.id, (select a.id from assets a where a.site_id = ${siteId}::uuid order by a.id
                  offset abs(hashtext(c.number)) % 100 limit 1), ${siteId}::uuid
    from changes c where c.number like 'CHG-2019-%' and not exists
      (select 1 from change_assets x where x.change_id = c.id)`);
  await db.execute(sql`
    insert into change_counters (year, last)
    select 2019, max(split_part(number, '-', 3)::int) from changes where number like 'CHG-2019-%'
    on conflict (year) do update set last = greatest(change_counters.last, excluded.last)`);
  const rows = await rowsOf<{ id: string }>(db, sql`select id from changes where number like 'CHG-2019-%'`);
  return rows.map((r) => r.id);
}
