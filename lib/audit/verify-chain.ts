import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, chainHash } from "./hash";

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Walks the whole chain in id order and reports the first event whose link or content does not hold. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let cursor = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, cursor))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const row of rows) {
      checked++;
      const recomputed = chainHash(prevHash, row);
      if (row.id !== expectedId || row.prevHash !== prevHash || row.hash !== recomputed) {
        return { ok: false, checked, firstBrokenId: row.id };
      }
      prevHash = row.hash;
      expectedId++;
    }
    cursor = rows[rows.length - 1]!.id;
  }
}
