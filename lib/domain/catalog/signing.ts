// Who may sign a catalog model version for the change board: a change manager of the model's
// site who did not propose that version (the proposer never approves their own work).
import type { SignoffDecision, SiteRole } from "../constants";
import { SIGNOFF_GRANT_ROLE, signoffMeaning } from "../changes/signing";
import type { ModelVersionState } from "../constants";

export interface ModelSigner {
  userId: string;
  grants: readonly { siteId: string; role: SiteRole }[];
}

export interface SignableVersion {
  siteId: string;
  siteName: string;
  state: ModelVersionState;
  proposedBy: string;
  retired: boolean;
}

export type ModelSignVerdict =
  { ok: true } | { ok: false; code: "state" | "proposer" | "no_role"; reason: string };

export function canSignModel(signer: ModelSigner, v: SignableVersion): ModelSignVerdict {
  if (v.retired) return { ok: false, code: "state", reason: "The model is retired; nothing is left to sign" };
  if (v.state !== "proposed")
    return { ok: false, code: "state", reason: "No version of this model is awaiting the change board" };
  if (v.proposedBy === signer.userId)
    return {
      ok: false,
      code: "proposer",
      reason: "You proposed this version; another change manager of the site signs it for the change board",
    };
  const role = SIGNOFF_GRANT_ROLE.change_board;
  if (!signer.grants.some((g) => g.role === role && g.siteId === v.siteId))
    return {
      ok: false,
      code: "no_role",
      reason: `Only a change manager of ${v.siteName} signs for its change board`,
    };
  return { ok: true };
}

/** The meaning printed on a board member's signature of a model version, shown before signing. */
export function modelSignoffMeaning(
  decision: SignoffDecision,
  m: { siteName: string; code: string; version: number },
): string {
  return `${signoffMeaning("change_board", decision, m.siteName)}: standard change model ${m.code} v${m.version}`;
}
