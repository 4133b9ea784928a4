// Compliance dashboard at scale: a trail of N audit events (default 1,000,000; the target is
// 5,000,000) with C changes started over a year across 10 sites, then getCompliance timed for one
// site and one quarter. Run:
//   npx tsx --conditions=react-server bench/compliance.ts                  (embedded PGlite)
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/compliance.ts
// Options: --events N (default 1000000), --changes N (default 20000), --runs N (default 20).
// The events are written set-based with placeholder hashes: the dashboard reads the trail, it
// does not verify it, so the chain need not hold here.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { closeDb, type Db } from "@/db/client";
import { getCompliance } from "@/lib/services/compliance/get-compliance";
import { useTestDatabase, usingPostgres } from "../test/db";
import { makeSite, makeUser } from "../test/fixtures";

const { values: opts } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    changes: { type: "string", default: "20000" },
    runs: { type: "string", default: "20" },
  },
});
const EVENTS = Number(opts.events);
const CHANGES = Number(opts.changes);
const RUNS = Number(opts.runs);
const SITES = 10;
const SPAN = Math.floor(EVENTS / CHANGES);
const T0 = Date.UTC(2026, 0, 1);
const STEP_MS = (365 * 86_400_000) / EVENTS;

async function seed(db: Db) {
  const codes = Array.from({ length: SITES }, (_, i) => `Q${String(i).padStart(2, "0")}`);
  for (const code of codes) await makeSite(code, "America/Chicago", ["U1"]);
  const requester = await makeUser([`${codes[0]}:requester`]);
  const auditor = await makeUser([`${codes[0]}:auditor`], { name: "Plant auditor" });
  const t0 = sql.raw(`timestamptz '${new Date(T0).toISOString()}'`);
  const step = sql.raw(`interval '${STEP_MS.toFixed(3)} milliseconds'`);
  const span = sql.raw(String(SPAN));

  let t = performance.now();
  // Change c owns events c*SPAN+1 … c*SPAN+7 (create, submit, two sign-offs, approve, gate, start); the rest is sign-ins.
  await db.execute(sql`
    insert into changes (id, number, state, type, class, title, requester_id, risk, site_ids, approval_round,
                         submitted_at, approved_at, actual_start, created_at, updated_at)
    select md5('c' || c)::uuid, 'CHG-2026-' || lpad(c::text, 6, '0'), 'in_progress',
           (array['security_patch','firmware_update','firewall_rule','configuration'])[1 + c % 4], 'normal',
           'Bench change ' || c, ${requester.id}::uuid, (array['low','medium','high'])[1 + c % 3],
           array[s.id], 1,
           ${t0} + (c * ${span} + 2) * ${step}, ${t0} + (c * ${span} + 5) * ${step},
           ${t0} + (c * ${span} + 7) * ${step}, ${t0} + (c * ${span} + 1) * ${step}, now()
    from generate_series(0, ${CHANGES - 1}::int) c
    join (select id, row_number() over (order by code) - 1 as n from sites) s on s.n = c % ${SITES}`);
  console.log(`changes: ${CHANGES} in ${(performance.now() - t).toFixed(0)} ms`);

  t = performance.now();
  const res = (await db.execute(
    sql`select coalesce(max(id), 0)::int as base from audit_events`,
  )) as unknown as {
    rows?: { base: number }[];
  } & { base: number }[];
  const base = (res.rows ?? res)[0]!.base;
  const BATCH = 500_000;
  for (let lo = 1; lo <= EVENTS; lo += BATCH) {
    const hi = Math.min(EVENTS, lo + BATCH - 1);
    await db.execute(sql`
      insert into audit_events (id, at, actor_id, actor_email, action, object_type, object_id, site_id, after, reason, prev_hash, hash)
      select ${base}::bigint + e.id, ${t0} + e.id * ${step}, null, 'bench@example.test',
             case when e.k between 1 and 7 and e.c < ${CHANGES}
                  then (array['change.create','change.submit','signoff.sign','signoff.sign','change.approve','gate.decision','change.start'])[e.k]
                  else 'auth.login' end,
             case when e.k between 1 and 7 and e.c < ${CHANGES} then 'change' else 'session' end,
             case when e.k between 1 and 7 and e.c < ${CHANGES} then md5('c' || e.c)::uuid::text else null end,
             case when e.k between 1 and 7 and e.c < ${CHANGES} then s.id else null end,
             case when e.k between 1 and 7 and e.c < ${CHANGES} then (case e.k
               when 1 then jsonb_build_object('number', 'CHG-2026-' || lpad(e.c::text, 6, '0'), 'class', 'normal')
               when 2 then jsonb_build_object('round', 1, 'required', jsonb_build_array(
                             jsonb_build_object('role', 'operations', 'siteCode', s.code),
                             jsonb_build_object('role', 'security', 'siteCode', null::text)))
               when 3 then jsonb_build_object('signoffId', md5('o' || e.c), 'round', 1, 'role', 'operations', 'siteId', s.id,
                             'decision', 'approve', 'contentHash', 'h', 'scopeHash', 's', 'hashVersion', 2)
               when 4 then jsonb_build_object('signoffId', md5('x' || e.c), 'round', 1, 'role', 'security', 'siteId', s.id,
                             'decision', 'approve', 'contentHash', 'h', 'scopeHash', 's', 'hashVersion', 2)
               when 5 then jsonb_build_object('state', 'approved')
               when 6 then jsonb_build_object('allowed', e.c % 10 <> 0, 'dryRun', false, 'reasons',
                             case when e.c % 10 = 0 then jsonb_build_array(jsonb_build_object('code', 'outside_window', 'message', 'x'))
                                  else '[]'::jsonb end)
               else jsonb_build_object('round', 1, 'contentHash', 'h', 'scopeHash', 's', 'hashVersion', 2,
                             'siteIds', jsonb_build_array(s.id), 'required', jsonb_build_array(
                             jsonb_build_object('role', 'operations', 'siteCode', s.code),
                             jsonb_build_object('role', 'security', 'siteCode', null::text)))
               end) else null end,
             null, repeat('0', 64), repeat('0', 64)
      from (select g as id, (g - 1) / ${span} as c, (g - 1) % ${span} + 1 as k from generate_series(${lo}::bigint, ${hi}::bigint) g) e
      left join (select id, code, row_number() over (order by code) - 1 as n from sites) s on s.n = e.c % ${SITES}`);
    console.log(`  events ${hi} (${(performance.now() - t).toFixed(0)} ms)`);
  }
  await db.execute(sql`analyze`);
  console.log(`events + analyze: ${EVENTS} in ${(performance.now() - t).toFixed(0)} ms`);
  return { auditor, site: codes[0]! };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const db = await useTestDatabase();
  const { auditor, site } = await seed(db);
  const period = { site, from: "2026-04-01", to: "2026-06-30" };
  const first = await getCompliance(auditor.actor, period);
  console.log(
    `one site, Q2: started ${first.started.total} (with all sign-offs ${first.started.withAllSignoffs}, mismatches ${first.started.mismatches.length}), refusals ${first.gateRefusals.total}`,
  );
  for (let i = 0; i < 3; i++) await getCompliance(auditor.actor, period);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await getCompliance(auditor.actor, period);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `getCompliance, one site, a quarter, ${EVENTS} events: wall p50 ${pct(wall, 50).toFixed(0)} ms, p95 ${pct(wall, 95).toFixed(0)} ms; CPU p50 ${pct(cpu, 50).toFixed(0)} ms (goal < 300 ms)`,
  );
  if (usingPostgres()) {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    await closeDb();
    const admin = postgres(process.env.INTERLOCK_TEST_SERVER_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.end();
  } else await closeDb();
}

main().catch((e: { query?: string; position?: string }) => {
  const c = (e as { cause?: { query?: string; position?: string } }).cause;
  if (c?.query && c.position) console.error(c.query.slice(Number(c.position) - 200, Number(c.position) + 50));
  console.error(e);
  process.exit(1);
});
