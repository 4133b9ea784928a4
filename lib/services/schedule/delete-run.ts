import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { productionRuns } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { checkSequence } from "@/lib/services/base/stale-edit";
import { auditRun, lockedRunFor, runView } from "./run-model";

/**
 * Soft delete, so the trail and past conflict messages still resolve the run. With
 * `expectedSequence` (If-Match), refused when someone changed the run since it was read.
 */
export async function deleteRun(
  actor: Actor,
  id: string,
  options: { expectedSequence?: number } = {},
): Promise<{ id: string; deleted: true }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, site } = await lockedRunFor(tx, actor, id);
    await checkSequence(tx, { type: "production_run", noun: "run" }, row, options.expectedSequence);
    await tx
      .update(productionRuns)
      .set({ deletedAt: currentTime(), sequence: row.sequence + 1, updatedAt: currentTime() })
      .where(eq(productionRuns.id, row.id));
    await appendAudit(tx, actor, {
      action: "production_run.delete",
      objectType: "production_run",
      objectId: row.id,
      siteId: site.id,
      before: auditRun(runView(row, site)),
    });
    return { id: row.id, deleted: true as const };
  });
}
