import "server-only";
import type { z } from "zod";
import type { getDb } from "@/db/client";
import type { Actor, GrantDelegation } from "@/lib/auth/actor";
import { signingAuthority } from "@/lib/domain/delegation/signing";
import type { CanSignResult } from "@/lib/domain/changes";
import type { SignoffDecision, SignoffRole } from "@/lib/domain/constants";
import { signingWarnings } from "@/lib/domain/changes/supply-chain";
import type { signoffIntentSchema } from "@/lib/schemas/changes";
import { ServiceError, invalid } from "@/lib/services/base/errors";
import { actorFacts, findVisibleChange, loadContext, type ChangeContext } from "./load";
import { requireShownContent } from "./stale-content";

/** The site a sign-off names, refused when the change does not affect it. */
export function siteIdFor(ctx: ChangeContext, siteCode: string | undefined): string | null {
  if (!siteCode) return null;
  const asset = ctx.assets.find((a) => a.siteCode === siteCode);
  if (!asset)
    throw invalid(`This change does not affect site ${siteCode}.`, [
      { path: "siteCode", message: `Not a site of this change.` },
    ]);
  return asset.siteId;
}

function refusal(verdict: Exclude<CanSignResult, { ok: true }>): ServiceError {
  const details = { refusal: verdict.code };
  switch (verdict.code) {
    case "requester":
    case "editor":
    case "signer_is_implementer":
    case "already_signed":
    case "no_role":
      return new ServiceError("forbidden", verdict.reason, details);
    case "not_required":
      return new ServiceError("invalid", verdict.reason, {
        ...details,
        errors: [{ path: "role", message: verdict.reason }],
      });
    default:
      return new ServiceError("conflict", verdict.reason, details);
  }
}

/**
 * The warnings this sign-off must acknowledge (an unqualified patch for security), refused as a
 * form error naming each one when the signer did not tick it.
 */
export function acknowledgements(
  ctx: ChangeContext,
  role: SignoffRole,
  decision: SignoffDecision,
  given: string[],
) {
  const owed = signingWarnings(ctx.facts, role, decision);
  const missing = owed.filter((w) => !given.includes(w.code));
  if (missing.length) {
    throw invalid(`Acknowledge the warning to sign: ${missing.map((w) => w.message).join(" ")}`, [
      { path: "acknowledged", message: "Acknowledge the warning above to sign." },
    ]);
  }
  return owed.map((w) => w.code);
}

/**
 * Who may sign (lib/domain/delegation/signing: a role of one's own first, else one lent by a
 * delegation, with the delegation's separation of duties); `onBehalfOf` is set when the signer
 * signs on a delegator's behalf.
 */
export function eligibility(
  actor: Actor,
  ctx: ChangeContext,
  role: SignoffRole,
  siteCode: string | undefined,
): { siteId: string; onBehalfOf: GrantDelegation | null } {
  const verdict = signingAuthority(
    ctx.facts,
    ctx.counted,
    actorFacts(actor),
    role,
    siteIdFor(ctx, siteCode),
    ctx.required,
  );
  if (verdict.ok) return verdict;
  if (verdict.code === "delegation")
    throw new ServiceError("forbidden", verdict.reason, { refusal: "delegation" });
  throw refusal({ ...verdict, code: verdict.code });
}

/**
 * What can be refused before the signer proves who they are (a password attempt spent, or a trip
 * to the identity provider): separation of duties, stale content, unacknowledged warnings.
 * Checked again under the lock.
 */
export async function checkBeforeProof(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor,
  id: string,
  data: Pick<
    z.output<typeof signoffIntentSchema>,
    "role" | "siteCode" | "contentHash" | "decision" | "acknowledged"
  >,
): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = await loadContext(tx, await findVisibleChange(tx, actor, id));
    eligibility(actor, ctx, data.role, data.siteCode);
    await requireShownContent(tx, ctx, data.contentHash);
    acknowledgements(ctx, data.role, data.decision, data.acknowledged);
  });
}
