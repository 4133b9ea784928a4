import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { standardModelVersions, standardModels } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { isoUtc } from "@/lib/domain/changes";
import { retireModelSchema, type RetireModelInput } from "@/lib/schemas/catalog";
import { requireSitePermission } from "@/lib/services/authorize";
import { conflict, forbidden } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ModelView } from "@/lib/types/catalog";
import { findVisibleModel } from "./internal/load";
import { buildModelView } from "./internal/view";

/**
 * Retiring stops new use: no new standard change may name the model. Changes already approved
 * under one of its versions may still run (the gate checks they stayed within it).
 */
export async function retireModel(actor: Actor, id: string, input: RetireModelInput): Promise<ModelView> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in change manager may retire a model.");
  const userId = actor.userId;
  const { reason } = parseInput(retireModelSchema, input, "The retirement");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await findVisibleModel(tx, actor, id, { forUpdate: true });
    requireSitePermission(actor, "catalog.manage", m.model.siteId, "Standard change model");
    if (m.model.retiredAt) throw conflict("The model is already retired.");
    const now = currentTime();
    await tx
      .update(standardModels)
      .set({ retiredAt: now, retiredBy: userId, retiredReason: reason })
      .where(eq(standardModels.id, m.model.id));
    await tx
      .update(standardModelVersions)
      .set({ state: "retired" })
      .where(
        and(
          eq(standardModelVersions.modelId, m.model.id),
          inArray(standardModelVersions.state, ["approved", "proposed"]),
        ),
      );
    await appendAudit(tx, actor, {
      action: "standard_model.retire",
      objectType: "standard_model",
      objectId: m.model.id,
      siteId: m.model.siteId,
      after: { code: m.model.code, siteCode: m.site.code, retiredAt: isoUtc(now), reason },
      reason,
    });
    return buildModelView(tx, actor, await findVisibleModel(tx, actor, m.model.id));
  });
}
