import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { standardModelVersions } from "@/db/schema";
import { appendAudit, diffFields } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { modelContentIssues } from "@/lib/domain/catalog/model";
import { reviseModelSchema, type ReviseModelInput } from "@/lib/schemas/catalog";
import { requireSitePermission } from "@/lib/services/authorize";
import { conflict, forbidden, invalid } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ModelView } from "@/lib/types/catalog";
import { insertModelVersion } from "./internal/insert-version";
import { contentOf, findVisibleModel, latest, pendingVersion } from "./internal/load";
import { buildModelView } from "./internal/view";

/**
 * Editing a model makes a new version awaiting the change board; the approved version (if any)
 * stays usable until the board approves the new one. A version still awaiting the board when a
 * newer one is proposed is superseded unsigned: the board signs only the latest content.
 */
export async function reviseModel(actor: Actor, id: string, input: ReviseModelInput): Promise<ModelView> {
  if (actor.kind !== "user" || !actor.userId)
    throw forbidden("Only a signed-in change manager may edit a model.");
  const userId = actor.userId;
  const { basedOnVersion, ...content } = parseInput(reviseModelSchema, input, "The model");
  const issues = modelContentIssues(content);
  if (issues.length) throw invalid(issues.map((i) => i.message).join("; ") + ".", issues);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await findVisibleModel(tx, actor, id, { forUpdate: true });
    requireSitePermission(actor, "catalog.manage", m.model.siteId, "Standard change model");
    if (m.model.retiredAt) throw conflict("The model is retired; propose a new model instead.");
    const last = latest(m);
    if (last.version !== basedOnVersion)
      throw conflict(
        `Someone else edited this model first: it is now at version ${last.version}. Reload it and apply your edit again.`,
      );
    const diff = diffFields({ ...contentOf(last) }, content);
    if (!diff) throw invalid("Nothing changed: the content is the same as version " + last.version + ".");
    const now = currentTime();
    const pending = pendingVersion(m);
    if (pending)
      await tx
        .update(standardModelVersions)
        .set({ state: "superseded" })
        .where(eq(standardModelVersions.id, pending.id));
    const version = last.version + 1;
    const row = await insertModelVersion(tx, { modelId: m.model.id, version, content, by: userId, at: now });
    const hash = row.contentHash;
    await appendAudit(tx, actor, {
      action: "standard_model.revise",
      objectType: "standard_model",
      objectId: m.model.id,
      siteId: m.model.siteId,
      before: { version: last.version, ...diff.before },
      after: {
        ...diff.after,
        code: m.model.code,
        siteCode: m.site.code,
        version,
        versionId: row.id,
        state: "proposed",
        contentHash: hash,
      },
      reason: pending
        ? `Version ${pending.version} was still awaiting the board and is superseded unsigned`
        : null,
    });
    return buildModelView(tx, actor, await findVisibleModel(tx, actor, m.model.id));
  });
}
