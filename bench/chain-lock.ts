// How long the audit chain's lock serialises writers: 10 concurrent writers, each transaction
// appends an event and then does the rest of a typical mutation (four more queries, as a service
// reads back what it wrote to answer with it). "bare" runs the same transactions without the
// append: the ceiling any chain design (per-site chains included) could approach.
// Run:
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/chain-lock.ts [--tx 60] [--writers 10]
//   npx tsx --conditions=react-server bench/chain-lock.ts        (embedded PGlite: one connection, no concurrency to win)
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, databaseKind } from "@/db/client";
import { appendAudit } from "@/lib/audit/append";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { useTestDatabase } from "../test/db";

const { values: opts } = parseArgs({
  options: { tx: { type: "string", default: "60" }, writers: { type: "string", default: "10" } },
});
const TX = Number(opts.tx);
const WRITERS = Number(opts.writers);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

async function run(db: Awaited<ReturnType<typeof useTestDatabase>>, withAudit: boolean) {
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < TX; i++) {
        const s = performance.now();
        await db.transaction(async (tx) => {
          if (withAudit)
            await appendAudit(tx, null, {
              action: "database.backup",
              objectType: "database",
              reason: `bench ${w}/${i}`,
            });
          for (let q = 0; q < 4; q++)
            await tx.execute(sql`select count(*) from pg_class where relpages > ${q}`);
        });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: (WRITERS * TX) / seconds, p50: pct(latencies, 0.5), p99: pct(latencies, 0.99) };
}

async function main() {
  const db = await useTestDatabase();
  const kind = await databaseKind();
  await run(db, true); // warm-up
  const rows = [];
  for (const [name, withAudit] of [
    ["append + 4 queries", true],
    ["bare: 4 queries", false],
    ["append + 4 queries (again)", true],
  ] as const) {
    const load = os.loadavg()[0]!.toFixed(1);
    const r = await run(db, withAudit);
    rows.push({ name, ...r, load });
  }
  const verified = await verifyAuditChain(db);
  console.log(
    `\n${kind}: ${WRITERS} writers × ${TX} transactions; chain verifies: ${verified.ok} (${verified.checked} events)`,
  );
  console.log("| transaction | tx/s | p50 ms | p99 ms | load (1 min) |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.load} |`,
    );
  await closeDb();
}

void main();
