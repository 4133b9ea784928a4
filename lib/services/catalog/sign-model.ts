import "server-only";
import { currentTime } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { signoffs, standardModelVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/auth/actor";
import { CONTENT_HASH_VERSION, isoUtc } from "@/lib/domain/changes";
import { modelSignoffMeaning } from "@/lib/domain/catalog/signing";
import {
  modelSignoffIntentSchema,
  modelSignoffSchema,
  type ModelSignoffInput,
  type ModelSignoffIntent,
} from "@/lib/schemas/catalog";
import { ownSigner, passwordSigner, requireSigningPerson } from "@/lib/services/auth/password-signer";
import { parseInput } from "@/lib/services/base/parse-input";
import type { ReauthProof } from "@/lib/services/changes/internal/reauth-proof";
import type { ClientInfo } from "@/lib/types/changes";
import type { ModelView } from "@/lib/types/catalog";
import { approvedVersion, findVisibleModel } from "./internal/load";
import { buildModelView } from "./internal/view";
import { checkModelBeforeProof, signable } from "./internal/model-signoff-checks";

/**
 * The change board's electronic signature on the version awaiting it: the password re-entered
 * through the same check as sign-in (or, for a single sign-on member, a fresh login at the
 * identity provider: lib/services/sso/begin-sso-model-signature), a row in the one signoffs table with the printed name,
 * meaning, UTC time and the version's content hash. Approving makes the version usable (the
 * previously approved one is superseded); rejecting leaves the model as it was.
 */
export async function signModel(
  actor: Actor,
  id: string,
  input: ModelSignoffInput | ModelSignoffIntent,
  client: ClientInfo = {},
  reauth: ReauthProof | null = null,
): Promise<ModelView> {
  requireSigningPerson(actor, { reauth: reauth !== null });
  const data = parseInput(reauth ? modelSignoffIntentSchema : modelSignoffSchema, input, "The sign-off");
  const db = await getDb();
  await checkModelBeforeProof(db, actor, id, data.contentHash);
  const signer = reauth
    ? ownSigner(reauth.signer, actor)
    : await passwordSigner(db, actor, "password" in data ? String(data.password) : "", client);

  return db.transaction(async (tx: Tx) => {
    const m = await findVisibleModel(tx, actor, id, { forUpdate: true });
    const version = signable(actor, m, data.contentHash);
    const now = currentTime();
    const previous = approvedVersion(m);
    const meaning = modelSignoffMeaning(data.decision, {
      siteName: m.site.name,
      code: m.model.code,
      version: version.version,
    });
    const [signoff] = await tx
      .insert(signoffs)
      .values({
        modelVersionId: version.id,
        round: version.version,
        role: "change_board",
        siteId: m.site.id,
        decision: data.decision,
        signerId: signer.id,
        signerName: signer.name,
        signerEmail: signer.email,
        meaning,
        signedAt: now,
        comment: data.comment,
        contentHash: version.contentHash,
        hashVersion: CONTENT_HASH_VERSION,
        method: reauth ? "oidc-reauth" : "password",
      })
      .returning();
    const approve = data.decision === "approve";
    if (approve && previous)
      await tx
        .update(standardModelVersions)
        .set({ state: "superseded" })
        .where(eq(standardModelVersions.id, previous.id));
    await tx
      .update(standardModelVersions)
      .set(approve ? { state: "approved", approvedAt: now } : { state: "rejected" })
      .where(eq(standardModelVersions.id, version.id));
    await appendAudit(tx, actor, {
      action: "standard_model.sign",
      objectType: "standard_model",
      objectId: m.model.id,
      siteId: m.site.id,
      after: {
        code: m.model.code,
        siteCode: m.site.code,
        version: version.version,
        versionId: version.id,
        state: approve ? "approved" : "rejected",
        contentHash: version.contentHash,
        signoffId: signoff!.id,
        decision: data.decision,
        signerName: signer.name,
        signerEmail: signer.email,
        meaning,
        signedAt: isoUtc(now),
        method: signoff!.method,
        supersededVersion: approve && previous ? previous.version : null,
      },
      reason: data.comment || null,
    });
    return buildModelView(tx, actor, await findVisibleModel(tx, actor, m.model.id));
  });
}
