import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canSignModel } from "@/lib/domain/catalog/signing";
import { ServiceError, conflict } from "@/lib/services/base/errors";
import { findVisibleModel, pendingVersion, versionHash, type LoadedModel } from "./load";

/** Who may sign and what: refused before the password is spent, and again under the lock. */
export function signable(actor: Actor, m: LoadedModel, shownHash: string) {
  const pending = pendingVersion(m);
  const verdict = canSignModel(
    { userId: actor.userId ?? "", grants: actor.grants },
    {
      siteId: m.site.id,
      siteName: m.site.name,
      state: pending?.state ?? "approved",
      proposedBy: pending?.proposedBy ?? "",
      retired: m.model.retiredAt !== null,
    },
  );
  if (!verdict.ok) {
    throw verdict.code === "state"
      ? conflict(verdict.reason + ".")
      : new ServiceError("forbidden", verdict.reason + ".", { refusal: verdict.code });
  }
  const version = pending!;
  // The signature is bound to the content the signer was shown, recomputed from the stored row.
  if (versionHash(version) !== shownHash)
    throw conflict(
      `The model changed since you read it: version ${version.version} is now awaiting the board. Reload it and read it again before signing.`,
      { refusal: "stale_content" },
    );
  return version;
}

/** What can be refused before the signer proves who they are (a password attempt, or a trip to the provider). */
export async function checkModelBeforeProof(db: Db, actor: Actor, id: string, shownHash: string) {
  signable(actor, await db.transaction((tx) => findVisibleModel(tx, actor, id)), shownHash);
}
