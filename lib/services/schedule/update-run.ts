import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { productionRuns } from "@/db/schema";
import { appendAudit, diffFields } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { runUpdateSchema, type RunUpdateInput } from "@/lib/schemas/schedule";
import { checkSequence } from "@/lib/services/base/stale-edit";
import { auditRun, checkRunSpan, lockedRunFor, runView } from "./run-model";
import { areaIdsFor, toInstant } from "./site-context";
import type { RunView } from "@/lib/types/schedule";

export async function updateRun(
  actor: Actor,
  id: string,
  input: RunUpdateInput,
  options: { expectedSequence?: number } = {},
): Promise<RunView> {
  const data = runUpdateSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, site } = await lockedRunFor(tx, actor, id);
    await checkSequence(tx, { type: "production_run", noun: "run" }, row, options.expectedSequence);
    const tz = site.timeZone;
    const patch = {
      ...(data.areaCode !== undefined ? { areaId: areaIdsFor(site, [data.areaCode], "areaCode")[0]! } : {}),
      ...(data.title !== undefined ? { title: data.title } : {}),
      ...(data.kind !== undefined ? { kind: data.kind } : {}),
      ...(data.criticality !== undefined ? { criticality: data.criticality } : {}),
      ...(data.start !== undefined ? { start: toInstant(data.start, tz) } : {}),
      ...(data.end !== undefined ? { end: toInstant(data.end, tz) } : {}),
    };
    checkRunSpan(patch.start ?? row.start, patch.end ?? row.end);
    const [saved] = await tx
      .update(productionRuns)
      .set({ ...patch, sequence: row.sequence + 1, updatedAt: currentTime() })
      .where(eq(productionRuns.id, row.id))
      .returning();
    const after = runView(saved!, site);
    const diff = diffFields(auditRun(runView(row, site)), auditRun(after));
    await appendAudit(tx, actor, {
      action: "production_run.update",
      objectType: "production_run",
      objectId: row.id,
      siteId: site.id,
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
    return after;
  });
}
