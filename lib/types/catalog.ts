import type { ModelVersionState } from "@/lib/domain/constants";
import type { AssetKind, ChangeType, Criticality, SignoffDecision } from "@/lib/domain/constants";

export interface ModelSignoffView {
  id: string;
  decision: SignoffDecision;
  signerName: string;
  signerEmail: string;
  meaning: string;
  signedAt: string;
  comment: string;
  contentHash: string;
}

/** What the change board approves (lib/domain/catalog/model.ts ModelContent), as stored. */
export interface ModelContentView {
  title: string;
  description: string;
  changeTypes: ChangeType[];
  assetKinds: AssetKind[];
  criticalities: Criticality[];
  maxDowntimeMinutes: number;
  requiresTestBench: boolean;
  requiresVendorQualified: boolean;
  testEvidence: string;
  implementationPlanTemplate: string;
  backoutPlanTemplate: string;
}

export interface ModelVersionView extends ModelContentView {
  id: string;
  version: number;
  state: ModelVersionState;
  contentHash: string;
  proposedAt: string;
  proposedByName: string;
  proposedByEmail: string;
  approvedAt: string | null;
  signoffs: ModelSignoffView[];
}

/** Where a model stands as a whole, for list badges. */
export type ModelStatus = "usable" | "awaiting" | "rejected" | "retired";

export interface ModelSummary {
  id: string;
  code: string;
  siteCode: string;
  siteName: string;
  timeZone: string;
  title: string;
  status: ModelStatus;
  /** The version a new change may name, if any. */
  approvedVersion: number | null;
  approvedVersionId: string | null;
  latestVersion: number;
  /** A version awaiting the board, if any. */
  pendingVersion: number | null;
  retiredAt: string | null;
  changeTypes: ChangeType[];
  maxDowntimeMinutes: number;
}

export interface ModelView extends ModelSummary {
  retiredReason: string | null;
  retiredByName: string | null;
  versions: ModelVersionView[];
  /** What the viewer may do, each with a plain reason when not. */
  canRevise: { ok: boolean; reason: string | null };
  canRetire: { ok: boolean; reason: string | null };
  canSign: { ok: boolean; reason: string | null };
  /** Standard changes naming any version of this model, newest first. */
  changes: { id: string; number: string; title: string; state: string; version: number }[];
}

/** An approved model version a requester may file a standard change from (the change form's picker). */
export interface UsableModel extends ModelContentView {
  versionId: string;
  modelId: string;
  code: string;
  version: number;
  siteCode: string;
}

/** The model a change names, as the change shows it. */
export interface ChangeModelRef {
  modelId: string;
  versionId: string;
  code: string;
  version: number;
  title: string;
  state: ModelVersionState;
  retired: boolean;
}
