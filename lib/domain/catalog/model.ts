// The standard-change catalog (issue 15): what a model allows, and whether a change stays in it.
// A model is the board's pre-approval of one kind of work; a change filed from it is checked
// against it at submit and again at the gate.
import { canonicalHash } from "../changes/content";
import type { AssetKind, ChangeType, Criticality, ModelVersionState, SafetyImpact } from "../constants";
import { SAFETY_ASSET_KINDS, SAFETY_CRITICALITIES } from "../constants";
import { ASSET_KIND_LABELS, CHANGE_TYPE_LABELS, CRITICALITY_LABELS } from "../labels";
import { joinList } from "../changes/wording";
import type { GateReason } from "../changes/types";

// Its state codes and their words are in ../constants and ../labels, free of node:crypto, so
// that client components can import them: a client import of this file (it hashes) pulls
// crypto-browserify, whose eval breaks the CSP.

/** What the change board approves: hashed, so a signature covers exactly this. */
export interface ModelContent {
  title: string;
  description: string;
  changeTypes: readonly ChangeType[];
  assetKinds: readonly AssetKind[];
  criticalities: readonly Criticality[];
  maxDowntimeMinutes: number;
  requiresTestBench: boolean;
  requiresVendorQualified: boolean;
  testEvidence: string;
  implementationPlanTemplate: string;
  backoutPlanTemplate: string;
}

export const MODEL_CONTENT_FIELDS = [
  "title",
  "description",
  "changeTypes",
  "assetKinds",
  "criticalities",
  "maxDowntimeMinutes",
  "requiresTestBench",
  "requiresVendorQualified",
  "testEvidence",
  "implementationPlanTemplate",
  "backoutPlanTemplate",
] as const satisfies readonly (keyof ModelContent)[];

/** Just the approvable content of a version (a stored row, a view), e.g. to start an edit from. */
export function pickModelContent<T extends ModelContent>(v: T): Pick<T, keyof ModelContent> {
  return Object.fromEntries(MODEL_CONTENT_FIELDS.map((f) => [f, v[f]])) as Pick<T, keyof ModelContent>;
}

/** The hash a board member signs: the model's content with its lists as sorted sets, plus which model and version. */
export function modelContentHash(modelId: string, version: number, content: ModelContent): string {
  const picked: Record<string, unknown> = { modelId, version };
  for (const f of MODEL_CONTENT_FIELDS) picked[f] = content[f];
  picked.changeTypes = [...new Set(content.changeTypes)].sort();
  picked.assetKinds = [...new Set(content.assetKinds)].sort();
  picked.criticalities = [...new Set(content.criticalities)].sort();
  return canonicalHash(picked);
}

export interface ModelIssue {
  path: keyof ModelContent;
  message: string;
}

/** Why a model cannot be proposed as written: it may never reach a safety-related asset. */
export function modelContentIssues(content: ModelContent): ModelIssue[] {
  const forbidden = [
    {
      path: "assetKinds" as const,
      words: content.assetKinds
        .filter((k) => SAFETY_ASSET_KINDS.includes(k))
        .map((k) => ASSET_KIND_LABELS[k]),
    },
    {
      path: "criticalities" as const,
      words: content.criticalities
        .filter((c) => SAFETY_CRITICALITIES.includes(c))
        .map((c) => CRITICALITY_LABELS[c]),
    },
  ];
  return forbidden
    .filter((f) => f.words.length > 0)
    .map((f) => ({
      path: f.path,
      message: `A standard change model may never touch safety-related assets: remove ${joinList(f.words, "and")}`,
    }));
}

export interface ModelBoundAsset {
  tag: string;
  siteId: string;
  kind: AssetKind;
  criticality: Criticality;
  safetyRelated: boolean;
}

export interface ModelBoundChange {
  type: ChangeType;
  expectedDowntimeMinutes: number;
  testedOnTestBench: boolean;
  vendorQualified: boolean;
  safetyImpact: SafetyImpact;
  safetyBypassRequired: boolean;
  assets: readonly ModelBoundAsset[];
}

export interface ModelRef extends ModelContent {
  siteId: string;
  siteName: string;
  code: string;
  version: number;
}

/** "SC-004 v2 “Antivirus signature update”": how a model version is named in every message. */
export function modelName(m: Pick<ModelRef, "code" | "version" | "title">): string {
  return `${m.code} v${m.version} “${m.title}”`;
}

/**
 * Everything about the change that lies outside the model (empty when it stays within): its type,
 * each asset's site, kind, criticality and safety role, the downtime, the test evidence the model
 * requires, and the safety assessment (a standard change never has a safety impact).
 */
export function outsideModel(change: ModelBoundChange, model: ModelRef): string[] {
  const name = modelName(model);
  const out: string[] = [];
  if (!model.changeTypes.includes(change.type))
    out.push(
      `Type ${CHANGE_TYPE_LABELS[change.type]} is not allowed by ${name} (it allows ${joinList(
        model.changeTypes.map((t) => CHANGE_TYPE_LABELS[t]),
        "or",
      )})`,
    );
  for (const a of change.assets) {
    if (a.siteId !== model.siteId) out.push(`${a.tag} is not at ${model.siteName}, the site of ${name}`);
    if (
      a.safetyRelated ||
      SAFETY_ASSET_KINDS.includes(a.kind) ||
      SAFETY_CRITICALITIES.includes(a.criticality)
    )
      out.push(`${a.tag} is safety-related; no standard change may touch it`);
    else {
      if (!model.assetKinds.includes(a.kind))
        out.push(`${a.tag} is a ${ASSET_KIND_LABELS[a.kind]}, which ${name} does not cover`);
      if (!model.criticalities.includes(a.criticality))
        out.push(
          `${a.tag} is ${CRITICALITY_LABELS[a.criticality].toLowerCase()}, which ${name} does not cover`,
        );
    }
  }
  if (change.expectedDowntimeMinutes > model.maxDowntimeMinutes)
    out.push(
      `Expected downtime ${change.expectedDowntimeMinutes} min exceeds the ${model.maxDowntimeMinutes} min ${name} allows`,
    );
  if (model.requiresTestBench && !change.testedOnTestBench)
    out.push(`${name} requires the change to be tested on a test bench first`);
  if (model.requiresVendorQualified && !change.vendorQualified)
    out.push(`${name} requires a vendor-qualified fix`);
  if (change.safetyImpact !== "none" || change.safetyBypassRequired)
    out.push("A standard change may have no safety impact and need no safety-function bypass");
  return out;
}

/** Whether a version may be named by a new standard change (submit): approved and its model not retired. */
export function usableForNewChanges(
  state: ModelVersionState,
  retired: boolean,
): { ok: true } | { ok: false; reason: string } {
  if (retired || state === "retired")
    return {
      ok: false,
      reason: "The model is retired: the change board no longer allows new changes from it",
    };
  if (state === "approved") return { ok: true };
  if (state === "proposed")
    return { ok: false, reason: "The model version is not approved yet: the change board has not signed it" };
  if (state === "superseded")
    return {
      ok: false,
      reason: "The model version has been superseded: choose the current approved version",
    };
  return { ok: false, reason: "The change board rejected this model version" };
}

export interface ModelBinding {
  model: ModelRef;
  state: ModelVersionState;
  approvedAt: Date | null;
}

/**
 * The gate's view of a standard change's model: it must name a version the board approved (a
 * change may still run on it after a newer version or the model's retirement: retiring stops new
 * use, not work already signed), and stay within it. A legacy standard change from before the
 * catalog is not bound; a normal or emergency change has nothing to check.
 */
export function modelGateReasons(
  change: ModelBoundChange & { class: string; standardLegacy: boolean },
  binding: ModelBinding | null,
): GateReason[] {
  if (change.class !== "standard" || change.standardLegacy) return [];
  if (!binding)
    return [
      {
        code: "outside_model",
        message: "A standard change must name an approved standard change model; this one names none",
      },
    ];
  const name = modelName(binding.model);
  if (binding.approvedAt === null)
    return [
      {
        code: "outside_model",
        message: `Standard change model ${name} has not been approved by the change board`,
      },
    ];
  return outsideModel(change, binding.model).map((message) => ({
    code: "outside_model",
    message: `Outside its standard change model: ${message}`,
  }));
}
