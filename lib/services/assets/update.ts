import "server-only";
import { currentTime } from "@/lib/clock";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assets } from "@/db/schema";
import { appendAudit, diffFields } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { formatInZone } from "@/lib/domain/site-time";
import { updateAssetSchema } from "@/lib/schemas/assets";
import { requireSitePermission, scopeFor } from "@/lib/services/authorize";
import { conflict, invalid, notFound } from "@/lib/services/base/errors";
import { parseInput } from "@/lib/services/base/parse-input";
import { lastWriter, staleEdit } from "@/lib/services/base/stale-edit";
import { loadContext } from "../changes/internal/load";
import { refreshSignoffSlotsOfAsset } from "../changes/internal/signoff-slots";
import {
  POLICY_ASSET_FIELDS,
  lockOpenChangesOfAsset,
  reevaluateChangesOfAsset,
} from "../changes/internal/reevaluate-for-asset";
import { auditFields, isUniqueViolation, selectAssets, toView, type AssetView } from "./view";
import { UUID_RE } from "@/lib/services/base/match";
import { areaIdsByCode } from "./write";

/**
 * Edits an asset. With an expected row version (If-Match, or `rowVersion` in the body) a write
 * based on an older read is refused with 409 and the name and time of the intervening edit. An
 * edit of a fact the approval policy reads re-evaluates the asset's open changes (audited).
 */
export async function updateAsset(
  actor: Actor,
  id: string,
  input: unknown,
  expectedVersion?: number,
): Promise<AssetView> {
  const scope = scopeFor(actor, "asset.view");
  if (typeof id !== "string" || !UUID_RE.test(id) || scope.length === 0) throw notFound("Asset");
  const { rowVersion: bodyVersion, siteCode, ...data } = parseInput(updateAssetSchema, input, "The asset");
  const expected = expectedVersion ?? bodyVersion;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const openChanges = await lockOpenChangesOfAsset(tx, id);
    const [locked] = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.id, id), inArray(assets.siteId, scope)))
      .for("update");
    if (!locked) throw notFound("Asset");
    const [row] = await selectAssets(tx).where(eq(assets.id, id));
    const current = toView(row!);
    requireSitePermission(actor, "asset.edit", row!.siteId, "Asset");

    if (expected !== undefined && expected !== current.rowVersion) {
      const who = await lastWriter(tx, "asset", id);
      const name = who?.name ?? who?.email ?? "someone else";
      const when = formatInZone(current.updatedAt, current.siteTimeZone);
      throw staleEdit(
        `Changed by ${name} at ${when} (now version ${current.rowVersion}, you edited version ${expected}). Reload to see their changes, then edit again.`,
        { version: current.rowVersion, by: who, at: current.updatedAt },
        // Deprecated v1 names of the same facts, kept for existing clients.
        {
          currentRowVersion: current.rowVersion,
          changedBy: who ? { name: who.name, email: who.email } : null,
          changedAt: current.updatedAt.toISOString(),
        },
      );
    }
    if (siteCode && siteCode !== current.siteCode) {
      throw invalid("An asset cannot move to another site; create it there instead.", [
        { path: "siteCode", message: `This asset belongs to ${current.siteCode}.` },
      ]);
    }

    const next = {
      ...auditFields(current),
      ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
    } as ReturnType<typeof auditFields>;
    const diff = diffFields(auditFields(current), next);
    if (!diff) return;

    // undefined: area unchanged; null: area cleared.
    let areaId: string | null | undefined = row!.areaCode === next.areaCode ? undefined : null;
    if (next.areaCode && next.areaCode !== current.areaCode) {
      areaId = (await areaIdsByCode(tx, row!.siteId)).get(next.areaCode) ?? null;
      if (!areaId)
        throw invalid(`Site ${current.siteCode} has no area ${next.areaCode}.`, [
          { path: "areaCode", message: `Site ${current.siteCode} has no area ${next.areaCode}.` },
        ]);
    }
    if (next.tag.toLowerCase() !== current.tag.toLowerCase()) {
      const [dupe] = await tx
        .select({ tag: assets.tag })
        .from(assets)
        .where(
          and(
            eq(assets.siteId, row!.siteId),
            eq(sql`lower(${assets.tag})`, next.tag.toLowerCase()),
            ne(assets.id, id),
          ),
        );
      if (dupe)
        throw conflict(`Site ${current.siteCode} already has an asset tagged ${dupe.tag}.`, {
          errors: [
            { path: "tag", message: `Site ${current.siteCode} already has an asset tagged ${dupe.tag}.` },
          ],
        });
    }

    const policyFields = POLICY_ASSET_FIELDS.filter((f) => f in diff.after);
    const reevaluate = policyFields.length > 0 ? openChanges : [];
    const requiredBefore = new Map<string, Awaited<ReturnType<typeof loadContext>>["required"]>();
    for (const c of reevaluate) requiredBefore.set(c.id, (await loadContext(tx, c)).required);

    const { siteCode: _s, areaCode: _a, ...columns } = next;
    try {
      await tx
        .update(assets)
        .set({
          ...columns,
          ...(areaId !== undefined ? { areaId } : {}),
          rowVersion: sql`${assets.rowVersion} + 1`,
          updatedAt: currentTime(),
        })
        .where(eq(assets.id, id));
    } catch (e) {
      if (isUniqueViolation(e))
        throw conflict("Another asset at this site just took that tag; nothing was saved.", {
          errors: [{ path: "tag", message: "Tag already exists at this site." }],
        });
      throw e;
    }
    await appendAudit(tx, actor, {
      action: "asset.update",
      objectType: "asset",
      objectId: id,
      siteId: row!.siteId,
      before: diff.before,
      after: diff.after,
    });
    if (policyFields.length)
      await refreshSignoffSlotsOfAsset(tx, { id, siteId: row!.siteId }, [
        current.redundancyGroup,
        next.redundancyGroup,
      ]);
    await reevaluateChangesOfAsset(
      tx,
      actor,
      reevaluate,
      { id, tag: next.tag },
      policyFields,
      requiredBefore,
      currentTime(),
    );
  });
  const [row] = await selectAssets(db).where(eq(assets.id, id));
  return toView(row!);
}
