import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { isoUtc } from "@/lib/domain/changes";
import { canSignModel } from "@/lib/domain/catalog/signing";
import type { ModelStatus, ModelSummary, ModelVersionView, ModelView } from "@/lib/types/catalog";
import {
  approvedVersion,
  changesOfModel,
  contentOf,
  latest,
  pendingVersion,
  signoffsOfVersions,
  usersById,
  type LoadedModel,
} from "./load";

export function statusOf(m: LoadedModel): ModelStatus {
  if (m.model.retiredAt) return "retired";
  if (approvedVersion(m)) return "usable";
  if (pendingVersion(m)) return "awaiting";
  return "rejected";
}

export function summaryOf(m: LoadedModel): ModelSummary {
  const approved = approvedVersion(m);
  const shown = approved ?? latest(m);
  return {
    id: m.model.id,
    code: m.model.code,
    siteCode: m.site.code,
    siteName: m.site.name,
    timeZone: m.site.timeZone,
    title: shown.title,
    status: statusOf(m),
    approvedVersion: approved?.version ?? null,
    approvedVersionId: approved?.id ?? null,
    latestVersion: latest(m).version,
    pendingVersion: pendingVersion(m)?.version ?? null,
    retiredAt: m.model.retiredAt ? isoUtc(m.model.retiredAt) : null,
    changeTypes: shown.changeTypes,
    maxDowntimeMinutes: shown.maxDowntimeMinutes,
  };
}

const yes = { ok: true, reason: null };
const no = (reason: string) => ({ ok: false, reason });

export async function buildModelView(ex: Executor, actor: Actor, m: LoadedModel): Promise<ModelView> {
  const ids = m.versions.map((v) => v.id);
  const signed = await signoffsOfVersions(ex, ids);
  const people = await usersById(ex, [...m.versions.map((v) => v.proposedBy), m.model.retiredBy]);
  const manager = hasSitePermission(actor, "catalog.manage", m.model.siteId);
  const pending = pendingVersion(m);
  const retired = m.model.retiredAt !== null;
  const verdict = pending
    ? canSignModel(
        { userId: actor.userId ?? "", grants: actor.grants },
        {
          siteId: m.site.id,
          siteName: m.site.name,
          state: pending.state,
          proposedBy: pending.proposedBy,
          retired,
        },
      )
    : null;
  const versions: ModelVersionView[] = m.versions.map((v) => ({
    id: v.id,
    version: v.version,
    state: v.state,
    ...contentOf(v),
    contentHash: v.contentHash,
    proposedAt: isoUtc(v.proposedAt),
    proposedByName: people.get(v.proposedBy)?.name ?? "",
    proposedByEmail: people.get(v.proposedBy)?.email ?? "",
    approvedAt: v.approvedAt ? isoUtc(v.approvedAt) : null,
    signoffs: signed
      .filter((s) => s.modelVersionId === v.id)
      .map((s) => ({
        id: s.id,
        decision: s.decision,
        signerName: s.signerName,
        signerEmail: s.signerEmail,
        meaning: s.meaning,
        signedAt: isoUtc(s.signedAt),
        comment: s.comment,
        contentHash: s.contentHash,
      })),
  }));
  const versionNumber = new Map(m.versions.map((v) => [v.id, v.version]));
  const used = await changesOfModel(ex, ids);
  const notManager = `Only a change manager of ${m.site.name} may do this`;
  return {
    ...summaryOf(m),
    retiredReason: m.model.retiredReason,
    retiredByName: m.model.retiredBy ? (people.get(m.model.retiredBy)?.name ?? null) : null,
    versions: versions.reverse(),
    canRevise: !manager ? no(notManager) : retired ? no("The model is retired") : yes,
    canRetire: !manager ? no(notManager) : retired ? no("The model is already retired") : yes,
    canSign:
      verdict === null
        ? no("No version is awaiting the change board")
        : verdict.ok
          ? yes
          : no(verdict.reason),
    changes: used.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      state: c.state,
      version: versionNumber.get(c.versionId ?? "") ?? 0,
    })),
  };
}
