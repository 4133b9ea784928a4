// The compliance dashboard's gate refusals are read through a partial index whose predicate is
// isGateRefusal (db/schema/audit.ts). The planner uses a partial index only when it can prove the
// query implies the predicate, so this holds the read and the index together: an edit to one of
// them alone would leave the dashboard scanning every gate decision of the period again.
import { and, asc, gte, inArray, lt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, isGateRefusal } from "@/db/schema";
import { rowsOf } from "@/lib/audit/chain-read";
import { useTestDatabase } from "../db";
import { makeSite } from "../fixtures";

let db: Db;
let siteId: string;

beforeAll(async () => {
  db = await useTestDatabase();
  siteId = (await makeSite("RIX", "Europe/Riga")).id;
});

/**
 * The plan of a read over a trail of 2,000 allowed gate decisions at the site, written and
 * analysed in a transaction that is rolled back (the trail keeps no trace of them).
 */
async function planOf(where: ReturnType<typeof and>): Promise<string> {
  const read = db.select({ id: auditEvents.id }).from(auditEvents).where(where).orderBy(asc(auditEvents.id));
  let plan = "";
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`insert into audit_events (id, at, action, object_type, site_id, after, prev_hash, hash)
        select 1000000 + n, timestamptz '2026-08-01' + n * interval '1 minute', 'gate.decision', 'change',
          ${siteId}, '{"allowed": true, "dryRun": false}'::jsonb, '', ''
        from generate_series(1, 2000) n`);
      await tx.execute(sql`analyze audit_events`);
      const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${read}`));
      plan = rows.map((r) => Object.values(r)[0]).join("\n");
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!plan) throw e;
    });
  return plan;
}

describe("the gate refusals' partial index", () => {
  const period = [
    gte(auditEvents.at, new Date("2026-07-01T00:00:00Z")),
    lt(auditEvents.at, new Date("2026-10-01T00:00:00Z")),
  ];

  it("answers the dashboard's read of a site's refusals in a period", async () => {
    const plan = await planOf(
      and(inArray(auditEvents.siteId, [siteId]), ...period, isGateRefusal(auditEvents)),
    );
    expect(plan).toContain("audit_gate_refusal_idx");
  });

  it("is not taken for gate decisions in general, which it does not hold", async () => {
    const plan = await planOf(
      and(inArray(auditEvents.siteId, [siteId]), ...period, sql`${auditEvents.action} = 'gate.decision'`),
    );
    expect(plan).not.toContain("audit_gate_refusal_idx");
  });
});
