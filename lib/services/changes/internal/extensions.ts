import "server-only";
// The latest expiry extension of a temporary change, with its sign-offs, as the rules and the
// change view read it (lib/domain/changes/temporary-extension).
import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signoffs, temporaryExtensions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { SIGNOFF_GRANT_ROLE, isoUtc } from "@/lib/domain/changes";
import { temporaryInPlace } from "@/lib/domain/changes/temporary";
import {
  canSignExtension,
  parseRequirement,
  type ExtensionFacts,
} from "@/lib/domain/changes/temporary-extension";
import type { TemporaryExtensionView } from "@/lib/types/changes";
import { manageRefusal } from "./access";
import type { ChangeContext, ChangeRow, SignoffRow } from "./load";

export type ExtensionRow = typeof temporaryExtensions.$inferSelect;

export interface LoadedExtension {
  row: ExtensionRow;
  signoffRows: SignoffRow[];
  facts: ExtensionFacts;
}

export async function latestExtension(ex: Executor, changeId: string): Promise<LoadedExtension | null> {
  const [row] = await ex
    .select()
    .from(temporaryExtensions)
    .where(eq(temporaryExtensions.changeId, changeId))
    .orderBy(desc(temporaryExtensions.requestedAt))
    .limit(1);
  if (!row) return null;
  const signoffRows = await ex
    .select()
    .from(signoffs)
    .where(eq(signoffs.extensionId, row.id))
    .orderBy(asc(signoffs.signedAt));
  return {
    row,
    signoffRows,
    facts: {
      state: row.state,
      requestedBy: row.requestedBy,
      required: row.required.map(parseRequirement),
      signoffs: signoffRows.map((s) => ({
        role: s.role,
        siteId: s.siteId,
        signerId: s.signerId,
        decision: s.decision,
      })),
    },
  };
}

/** The signer's own roles: a delegation lends no authority over an extension. */
export const ownGrants = (actor: Actor) => actor.grants.filter((g) => !g.delegation);

/** Why `actor` may not ask for a later expiry now, or null. */
export function extendRefusal(
  actor: Actor,
  row: ChangeRow,
  inPlace: boolean,
  pending: boolean,
): string | null {
  const manage = manageRefusal(actor, row.siteIds);
  if (manage) return manage;
  if (!row.temporaryUntil) return "Only a temporary change has an expiry to extend.";
  if (!temporaryInPlace(row) || !inPlace)
    return "An expiry is extended here once the temporary change is in place and until its revert closes; before implementation, edit the change (its sign-offs are then needed again).";
  if (pending) return "An extension of this change is already awaiting its sign-offs.";
  return null;
}

/** Whether the actor holds an approving role of their own at a site of the change (else signing is refused outright). */
export function holdsApprovingRole(actor: Actor, row: ChangeRow): boolean {
  const approving = new Set<string>(Object.values(SIGNOFF_GRANT_ROLE));
  return ownGrants(actor).some((g) => approving.has(g.role) && row.siteIds.includes(g.siteId));
}

export function extensionView(
  actor: Actor,
  ctx: ChangeContext,
  ext: LoadedExtension,
): TemporaryExtensionView {
  const code = (siteId: string | null) =>
    siteId ? (ctx.assets.find((a) => a.siteId === siteId)?.siteCode ?? null) : null;
  return {
    id: ext.row.id,
    state: ext.row.state,
    fromUntil: isoUtc(ext.row.fromUntil),
    toUntil: isoUtc(ext.row.toUntil),
    reason: ext.row.reason,
    requestedByName: ext.row.requestedByName,
    requestedAt: isoUtc(ext.row.requestedAt),
    decidedAt: ext.row.decidedAt ? isoUtc(ext.row.decidedAt) : null,
    contentHash: ext.row.contentHash,
    required: ext.facts.required.map((r) => {
      const s = ext.signoffRows.find(
        (x) => x.role === r.role && (r.siteId === null || x.siteId === r.siteId),
      );
      return {
        role: r.role,
        siteCode: code(r.siteId),
        signerName: s?.signerName ?? null,
        decision: s?.decision ?? null,
        meaning: s?.meaning ?? null,
        signedAt: s ? isoUtc(s.signedAt) : null,
      };
    }),
    signOptions:
      ext.row.state === "pending" && actor.userId
        ? ext.facts.required.map((r) => {
            const v = canSignExtension(
              ext.facts,
              ctx.facts,
              { userId: actor.userId!, grants: ownGrants(actor) },
              r.role,
              r.siteId,
            );
            return {
              role: r.role,
              siteCode: v.ok ? code(v.siteId) : code(r.siteId),
              available: v.ok,
              reason: v.ok ? null : v.reason,
            };
          })
        : [],
  };
}
