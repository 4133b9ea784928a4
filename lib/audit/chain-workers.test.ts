import { describe, expect, it } from "vitest";
import { GENESIS_HASH, chainHash, type HashedFields } from "./chain-core.mjs";
import { inThread, workerPool } from "./chain-workers";

/** A batch of `n` chained events as the database hands it over (tuples in CHAIN_COLUMNS order). */
function batch(n: number, tamper?: number): string {
  const rows: unknown[][] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: HashedFields = {
      id: i,
      at: new Date(Date.UTC(2027, 0, 1, 0, 0, i)),
      actorId: null,
      actorEmail: "dana@example.test",
      action: "change.update",
      objectType: "change",
      objectId: `c-${i}`,
      siteId: null,
      before: null,
      after: { title: `Patch ${i}`, "10": [1, { z: null }] },
      reason: i % 2 ? "because" : null,
      ip: null,
    };
    const hash = chainHash(prev, e);
    const at = "2027-01-01 00:00:" + String(i % 60).padStart(2, "0") + "+00";
    rows.push([
      e.id,
      at,
      null,
      e.actorEmail,
      e.action,
      e.objectType,
      e.objectId,
      null,
      null,
      e.after,
      e.reason,
      null,
      prev,
      hash,
    ]);
    prev = hash;
  }
  if (tamper) (rows[tamper - 1]![9] as { title: string }).title = "tampered";
  return JSON.stringify(rows);
}

describe("verification workers", () => {
  it("check batches in worker threads, with the same answers as this thread", async () => {
    const pool = workerPool(2);
    try {
      const texts = [batch(50), batch(50, 17), batch(50, 1)];
      const there = await Promise.all(texts.map((t) => pool.check(t, [3, 17])));
      expect(pool.checkedInWorkers()).toBe(3);
      const here = await Promise.all(texts.map((t) => inThread.check(t, [3, 17])));
      expect(there).toEqual(here);
      expect(here[0]).toMatchObject({
        count: 50,
        firstId: 1,
        problem: null,
        hashes: { 3: expect.any(String) },
      });
      expect(here[1]!.problem).toEqual({ index: 16, kind: "hash", id: 17 });
      // Only hashes of events checked before the problem are reported.
      expect(Object.keys(here[1]!.hashes)).toEqual(["3"]);
      expect(here[2]!.problem).toEqual({ index: 0, kind: "hash", id: 1 });
    } finally {
      await pool.close();
    }
  });
});
