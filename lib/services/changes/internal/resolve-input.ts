import "server-only";
// Turning the ids and emails of a change's input into rows, with the permission checks that
// belong to each: affected assets must be visible and requestable, the implementer must be
// able to work at every site of the change.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { changes, roleGrants, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasSitePermission } from "@/lib/auth/permissions";
import { followUpRefusal, isoUtc } from "@/lib/domain/changes";
import type { UpdateChangeData } from "@/lib/schemas/changes";
import { forbidden, invalid } from "@/lib/services/base/errors";
import { canViewChange } from "./access";
import { loadAssets, type AssetRow, type ChangeRow } from "./load";
import { statedContent } from "./row-content";

/** The assets of a change input, each visible to the actor and at a site where they may request changes. */
export async function resolveAssets(tx: Tx, actor: Actor, ids: readonly string[]): Promise<AssetRow[]> {
  const rows = await loadAssets(tx, ids);
  const byId = new Map(rows.map((a) => [a.id, a]));
  const errors = ids.flatMap((id, i) => {
    const a = byId.get(id);
    return !a || !hasSitePermission(actor, "asset.view", a.siteId)
      ? [{ path: `assetIds.${i}`, message: "Asset not found." }]
      : [];
  });
  if (errors.length) throw invalid("Some affected assets do not exist or are not visible to you.", errors);
  const barred = [
    ...new Set(
      rows.filter((a) => !hasSitePermission(actor, "change.create", a.siteId)).map((a) => a.siteCode),
    ),
  ];
  if (barred.length)
    throw forbidden(
      `You may not request changes at ${barred.join(", ")}: a requester or change manager role there is needed.`,
    );
  return rows;
}

async function requesterEverywhere(tx: Tx, userId: string, siteIds: readonly string[]): Promise<boolean> {
  const grants = await tx
    .select({ siteId: roleGrants.siteId })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, "requester"),
        inArray(roleGrants.siteId, [...siteIds]),
      ),
    );
  const held = new Set(grants.map((g) => g.siteId));
  return siteIds.every((id) => held.has(id));
}

function implementerError(list: readonly AssetRow[]) {
  const codes = [...new Set(list.map((a) => a.siteCode))].join(", ");
  return invalid("The implementer cannot work on this change.", [
    {
      path: "implementerEmail",
      message: `No active user with this email holds the requester role at ${codes || "the change's sites"}.`,
    },
  ]);
}

/**
 * The implementer must be an active user holding the requester role (change.implement) at
 * every site of the change: implementing means working on each of its assets. The same
 * message covers "no such user" so the field does not become a way to probe for accounts.
 */
export async function resolveImplementer(
  tx: Tx,
  email: string | null,
  list: readonly AssetRow[],
): Promise<string | null> {
  if (!email) return null;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  if (!user || !(await requesterEverywhere(tx, user.id, [...new Set(list.map((a) => a.siteId))])))
    throw implementerError(list);
  return user.id;
}

/** Re-checks a stored implementer (roles may have been revoked, the account disabled, since). */
export async function recheckImplementer(
  tx: Tx,
  userId: string | null,
  list: readonly AssetRow[],
): Promise<void> {
  if (!userId) return;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user || !(await requesterEverywhere(tx, user.id, [...new Set(list.map((a) => a.siteId))])))
    throw implementerError(list);
}

/** A change this one follows up (after a failure or rollback); it must be visible to the actor. */
export async function resolveFollows(
  tx: Tx,
  actor: Actor,
  id: string | null,
  selfId?: string,
): Promise<string | null> {
  if (!id) return null;
  const [row] = await tx
    .select({ id: changes.id, siteIds: changes.siteIds, state: changes.state, number: changes.number })
    .from(changes)
    .where(eq(changes.id, id));
  if (!row || row.id === selfId || !canViewChange(actor, row.siteIds)) {
    throw invalid("The change this one follows was not found.", [
      { path: "followsChangeId", message: "Change not found." },
    ]);
  }
  const refusal = followUpRefusal(row.state);
  if (refusal) {
    throw invalid(`${row.number} cannot be followed up. ${refusal}`, [
      { path: "followsChangeId", message: refusal },
    ]);
  }
  return row.id;
}

/**
 * The client-writable fields of a stored change, normalised for comparison: instants as ISO,
 * asset ids and references as sorted sets (their order means nothing, as in the content hash).
 */
export function editableSnapshot(
  row: ChangeRow,
  assetIds: readonly string[],
  implementerEmail: string | null,
) {
  return {
    ...statedContent(row),
    references: [...row.references].sort(),
    assetIds: [...assetIds].sort(),
    plannedStart: row.plannedStart ? isoUtc(row.plannedStart) : null,
    plannedEnd: row.plannedEnd ? isoUtc(row.plannedEnd) : null,
    implementerEmail,
    followsChangeId: row.followsChangeId,
    temporaryUntil: row.temporaryUntil ? isoUtc(row.temporaryUntil) : null,
    standardModelVersionId: row.standardModelVersionId,
  };
}
export type EditableSnapshot = ReturnType<typeof editableSnapshot>;

/** The snapshot an edit would produce: the stored one with the input's keys applied. */
export function applyEdit(before: EditableSnapshot, data: UpdateChangeData): EditableSnapshot {
  const after: EditableSnapshot = { ...before };
  const set = after as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || !(key in before)) continue;
    if (key === "references" || key === "assetIds") set[key] = [...(value as string[])].sort();
    else if (value instanceof Date) set[key] = isoUtc(value);
    else set[key] = value;
  }
  return after;
}
