import "server-only";
import { currentTime } from "@/lib/clock";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sites, standardModels } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { modelContentIssues } from "@/lib/domain/catalog/model";
import { proposeModelSchema, type ProposeModelInput } from "@/lib/schemas/catalog";
import { requireSitePermission } from "@/lib/services/authorize";
import { forbidden, invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ModelView } from "@/lib/types/catalog";
import { insertModelVersion } from "./internal/insert-version";
import { findVisibleModel } from "./internal/load";
import { buildModelView } from "./internal/view";

/**
 * A change manager proposes a standard change model for their site: version 1, awaiting the
 * change board's signature. A model that would touch safety-related assets is refused.
 */
export async function proposeModel(actor: Actor, input: ProposeModelInput): Promise<ModelView> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in change manager may propose a model.");
  const userId = actor.userId;
  const data = parseInput(proposeModelSchema, input, "The model");
  const { siteCode, ...content } = data;
  const issues = modelContentIssues(content);
  if (issues.length) throw invalid(issues.map((i) => i.message).join("; ") + ".", issues);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The site row's lock serialises code numbering at the site.
    const [site] = await tx.select().from(sites).where(eq(sites.code, siteCode)).for("update");
    if (!site) throw invalid(`Site ${siteCode} not found.`, [{ path: "siteCode", message: "Unknown site." }]);
    requireSitePermission(actor, "catalog.manage", site.id, "Site");
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(standardModels)
      .where(eq(standardModels.siteId, site.id))) as [{ n: number }];
    const now = currentTime();
    const code = `SC-${String(n + 1).padStart(3, "0")}`;
    const [model] = await tx
      .insert(standardModels)
      .values({ siteId: site.id, code, createdAt: now, createdBy: userId })
      .returning();
    const version = await insertModelVersion(tx, {
      modelId: model!.id,
      version: 1,
      content,
      by: userId,
      at: now,
    });
    const hash = version.contentHash;
    await appendAudit(tx, actor, {
      action: "standard_model.propose",
      objectType: "standard_model",
      objectId: model!.id,
      siteId: site.id,
      after: {
        code,
        siteCode: site.code,
        version: 1,
        versionId: version.id,
        state: "proposed",
        contentHash: hash,
        ...content,
      },
    });
    const loaded = await findVisibleModel(tx, actor, model!.id);
    if (!loaded) throw notFound("Standard change model");
    return buildModelView(tx, actor, loaded);
  });
}
