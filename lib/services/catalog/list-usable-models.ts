import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import type { UsableModel } from "@/lib/types/catalog";
import { approvedVersion, contentOf } from "./internal/load";
import { loadVisibleModels } from "./internal/visible-models";

/** The approved, unretired model versions at sites where the actor may file changes: the change form's picker. */
export async function listUsableModels(actor: Actor): Promise<UsableModel[]> {
  const db = await getDb();
  const out: UsableModel[] = [];
  for (const m of await loadVisibleModels(db, actor)) {
    const v = approvedVersion(m);
    if (!v || m.model.retiredAt || !hasSitePermission(actor, "change.create", m.model.siteId)) continue;
    out.push({
      versionId: v.id,
      modelId: m.model.id,
      code: m.model.code,
      version: v.version,
      siteCode: m.site.code,
      ...contentOf(v),
    });
  }
  return out.sort((a, b) => a.siteCode.localeCompare(b.siteCode) || a.code.localeCompare(b.code));
}
