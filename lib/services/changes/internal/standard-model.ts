import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import {
  modelGateReasons,
  outsideModel,
  usableForNewChanges,
  type ModelBoundChange,
} from "@/lib/domain/catalog/model";
import type { GateReason } from "@/lib/domain/changes";
import { loadModelBinding } from "@/lib/services/catalog/internal/load";
import { invalid, type FieldError } from "@/lib/services/base/errors";
import type { ChangeModelRef } from "@/lib/types/catalog";
import type { AssetRow, ChangeContext, ChangeRow } from "./load";

const PATH = "standardModelVersionId";

function bound(row: ChangeRow, assets: readonly AssetRow[]): ModelBoundChange {
  return {
    type: row.type,
    expectedDowntimeMinutes: row.expectedDowntimeMinutes,
    testedOnTestBench: row.testedOnTestBench,
    vendorQualified: row.vendorQualified,
    safetyImpact: row.safetyImpact,
    safetyBypassRequired: row.safetyBypassRequired,
    assets: assets.map((a) => ({
      tag: a.tag,
      siteId: a.siteId,
      kind: a.kind,
      criticality: a.criticality,
      safetyRelated: a.safetyRelated,
    })),
  };
}

/**
 * The model version a change names, checked when it is written: it must exist at a site the
 * actor sees. Only a standard change names one; another class keeps none.
 */
export async function resolveModelVersion(
  ex: Executor,
  actor: Actor,
  cls: string,
  versionId: string | null | undefined,
): Promise<string | null> {
  if (cls !== "standard" || !versionId) return null;
  const b = await loadModelBinding(ex, versionId);
  if (!b || !hasSitePermission(actor, "catalog.view", b.model.siteId))
    throw invalid("The standard change model was not found.", [{ path: PATH, message: "Model not found." }]);
  return b.versionId;
}

/**
 * At submit: a standard change must name a version the board approved, of a model not retired,
 * and stay within it (types, assets, downtime, test evidence, no safety impact).
 */
export async function modelSubmitIssues(ex: Executor, ctx: ChangeContext): Promise<FieldError[]> {
  if (ctx.row.class !== "standard") return [];
  const b = await loadModelBinding(ex, ctx.row.standardModelVersionId);
  if (!b)
    return [
      {
        path: PATH,
        message:
          "A standard change must name an approved standard change model from the catalog; choose one, or make it a normal change",
      },
    ];
  const usable = usableForNewChanges(b.state, b.retired);
  if (!usable.ok) return [{ path: PATH, message: usable.reason }];
  return outsideModel(bound(ctx.row, ctx.assets), b.model).map((message) => ({ path: PATH, message }));
}

export async function requireWithinModel(ex: Executor, ctx: ChangeContext): Promise<void> {
  const issues = await modelSubmitIssues(ex, ctx);
  if (issues.length)
    throw invalid(
      `The change does not fit its standard change model: ${issues.map((i) => i.message).join("; ")}.`,
      issues,
    );
}

/**
 * The gate's check (lib/domain/catalog/model.ts modelGateReasons) for each change, with the
 * bindings loaded: one query per model version named, however many changes name it.
 */
export async function modelReasonsForAll(
  ex: Executor,
  ctxs: readonly ChangeContext[],
): Promise<GateReason[][]> {
  const bindings = new Map<string | null, Awaited<ReturnType<typeof loadModelBinding>>>();
  const out: GateReason[][] = [];
  for (const ctx of ctxs) {
    if (ctx.row.class !== "standard") {
      out.push([]);
      continue;
    }
    const id = ctx.row.standardModelVersionId;
    if (!bindings.has(id)) bindings.set(id, await loadModelBinding(ex, id));
    out.push(
      modelGateReasons(
        { ...bound(ctx.row, ctx.assets), class: ctx.row.class, standardLegacy: ctx.row.standardLegacy },
        bindings.get(id) ?? null,
      ),
    );
  }
  return out;
}

/** Which model version the change used, as the change shows it. */
export async function changeModelRef(ex: Executor, row: ChangeRow): Promise<ChangeModelRef | null> {
  const b = await loadModelBinding(ex, row.standardModelVersionId);
  if (!b) return null;
  return {
    modelId: b.modelId,
    versionId: b.versionId,
    code: b.model.code,
    version: b.model.version,
    title: b.model.title,
    state: b.state,
    retired: b.retired,
  };
}
