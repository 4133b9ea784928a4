import "server-only";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/db/client";
import { productionRuns } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { runCreateSchema, type RunCreateInput } from "@/lib/schemas/schedule";
import { auditRun, checkRunSpan, runView } from "./run-model";
import { areaIdsFor, siteFor, toInstant } from "./site-context";
import type { RunView } from "@/lib/types/schedule";

export async function createRun(actor: Actor, input: RunCreateInput): Promise<RunView> {
  const data = runCreateSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const site = await siteFor(tx, actor, data.siteCode, "production.manage");
    const [areaId] = areaIdsFor(site, [data.areaCode], "areaCode");
    const start = toInstant(data.start, site.timeZone);
    const end = toInstant(data.end, site.timeZone);
    checkRunSpan(start, end);
    const [row] = await tx
      .insert(productionRuns)
      .values({
        siteId: site.id,
        areaId: areaId!,
        title: data.title,
        kind: data.kind,
        criticality: data.criticality,
        start,
        end,
        createdBy: actor.userId,
        createdAt: currentTime(),
        updatedAt: currentTime(),
      })
      .returning();
    const view = runView(row!, site);
    await appendAudit(tx, actor, {
      action: "production_run.create",
      objectType: "production_run",
      objectId: row!.id,
      siteId: site.id,
      after: auditRun(view),
    });
    return view;
  });
}
